/**
 * One output record per scanned file, built in one place: the walk's facts plus, for files
 * that were probed, what the bytes say (kind, MIME, size as displayed, duration, metadata).
 * Kind and MIME come only from probing, never from the extension.
 */
import type { ProbeResult, ProbeWarning } from '../core/model/probe-facts'
import type { ScannedFile } from '../core/scan/scanned-file'
import type { MediaKind } from '../core/model/row'

export interface ScanRecordEmbedded {
  title: string | null
  description: string | null
  creator: string | null
  credit: string | null
  copyright: string | null
  keywords: string[] | null
  /** ISO 8601 as the file states it (offset when known). */
  dateTaken: string | null
  gps: { latitude: number; longitude: number; altitude?: number } | null
}

export interface ScanRecord {
  path: string
  relativePath: string
  /** 'error': unreadable, or damaged (truncated, corrupt, no index) as the reason says. */
  status: ScannedFile['status']
  /** Why the file was skipped or could not be used; null when status is 'ok'. */
  reason: string | null
  /** From the bytes; null when the file was not probed (skipped, unreadable). */
  kind: MediaKind | null
  mimeType: string | null
  /** Extension that fits the content, without the dot. */
  extension: string | null
  size: number
  /** ISO 8601; null when the walk did not stat the file (unreadable, or skipped unread). */
  modifiedAt: string | null
  sha256: string | null
  /** As displayed: EXIF orientation, HEIF rotation and video rotation applied. */
  width: number | null
  height: number | null
  /** Seconds (videos). */
  duration: number | null
  /** EXIF orientation 1-8 as stored. */
  orientation: number | null
  codec: string | null
  animated: boolean
  /** Relative path of the byte-identical file listed earlier. */
  duplicateOf: string | null
  warnings: ProbeWarning[]
  embedded: ScanRecordEmbedded
}

export interface ProbeFacts {
  probe?: ProbeResult
  duplicateOf?: string
}

function embeddedRecord(probe: ProbeResult | undefined): ScanRecordEmbedded {
  const e = probe?.embedded
  return {
    title: e?.title ?? null,
    description: e?.description ?? null,
    creator: e?.creator ?? null,
    credit: e?.credit ?? null,
    copyright: e?.copyright ?? null,
    keywords: e?.keywords ?? null,
    dateTaken: e?.dateTaken ?? null,
    gps: e?.gps ?? null,
  }
}

export function toScanRecord(file: ScannedFile, { probe, duplicateOf }: ProbeFacts = {}): ScanRecord {
  const failed = probe?.error !== undefined
  return {
    path: file.path,
    relativePath: file.relativePath,
    status: failed ? 'error' : file.status,
    reason: probe?.error?.message ?? file.reason ?? null,
    kind: probe?.kind ?? null,
    mimeType: probe?.mimeType ?? null,
    extension: probe?.extension ?? null,
    size: probe?.size ?? file.size,
    // The walk reports 0 for "not known".
    modifiedAt: file.mtimeMs > 0 ? new Date(file.mtimeMs).toISOString() : null,
    sha256: probe?.sha256 ?? null,
    width: probe?.width ?? null,
    height: probe?.height ?? null,
    duration: probe?.duration ?? null,
    orientation: probe?.orientation ?? null,
    codec: probe?.codec ?? null,
    animated: probe?.animated === true,
    duplicateOf: duplicateOf ?? null,
    warnings: probe?.warnings ?? [],
    embedded: embeddedRecord(probe),
  }
}
