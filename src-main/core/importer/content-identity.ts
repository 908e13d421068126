/**
 * A file's content identity in the library: when the editor gives no externalId, the entry is sent
 * with one derived from the file's sha256 under the profile's systemName, so the server's own
 * uniqueness of systemName+externalId refuses a second entry for the same bytes — from any
 * computer, session or editor. The public API sets no length or character limit on externalId
 * (data/endpoints/import-media-library-entries.yaml: a plain string), so the whole 64-digit hash
 * is kept: a shorter prefix would let different files collide at scale. Pure.
 */
import type { LibraryEntry } from '../model/livingdocs'
import { step } from '../pipeline/row-step'
import type { AlreadyInLibrary, Row, RowChange } from '../model/row'
import type { RowAt } from '../pipeline/row-outcome'

export const CONTENT_ID_PREFIX = 'sha256-'

const SHA256_HEX = /^[0-9a-f]{64}$/

/**
 * `sha256-<64 hex>` (71 characters), or with the suffix of "Import again as a new entry"
 * (`sha256-<hex>-again-<suffix>`), which makes it a new identity on purpose.
 */
export function contentExternalId(sha256: string, suffix?: string): string | undefined {
  const hex = sha256.toLowerCase()
  if (!SHA256_HEX.test(hex)) return undefined
  return `${CONTENT_ID_PREFIX}${hex}${suffix ? `-again-${suffix}` : ''}`
}

/** The externalId the editor (or a CSV) set on the row, if any. */
export function editorExternalId(row: Pick<Row, 'entry'>): string | undefined {
  const own = row.entry?.externalId
  return own !== undefined && own.trim() !== '' ? own : undefined
}

/** The content identity this row is sent with when the editor sets no externalId. */
export function rowContentId(row: Pick<Row, 'sha256' | 'identitySuffix' | 'probeError'>): string | undefined {
  if (!row.sha256 || row.probeError) return undefined
  return contentExternalId(row.sha256, row.identitySuffix)
}

/** A new suffix for "Import again as a new entry": the time, readable and unique enough per row. */
export function againSuffix(now: Date, random: () => number = Math.random): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'z')
    .toLowerCase()
  return `${stamp}-${Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`
}

/** Where the library's entry came from, in words an editor reads in the grid and the CLI table. */
export function originOf(found: Pick<HolderFacts, 'systemName' | 'filename'>, where: string): string {
  const file = found.filename ? `file "${found.filename}"` : 'a file with the same content'
  return `${file}, imported by ${found.systemName ? `"${found.systemName}"` : 'another import'} (${where})`
}

/** The facts of a library entry that holds a row's content (a lookup hit or a conflict's holder). */
export interface HolderFacts {
  mediaId: string
  systemName?: string
  externalId?: string
  filename?: string
  createdAt?: string
}

export function holderOf(
  found: Pick<LibraryEntry, 'id' | 'systemName' | 'externalId' | 'filename' | 'record'>,
): HolderFacts {
  const created = found.record.createdAt
  return {
    mediaId: found.id,
    ...(found.systemName ? { systemName: found.systemName } : {}),
    ...(found.externalId ? { externalId: found.externalId } : {}),
    ...(found.filename ? { filename: found.filename } : {}),
    ...(typeof created === 'string' ? { createdAt: created } : {}),
  }
}

/** What the row records about the library entry that already holds its content. */
export function alreadyInLibrary(found: HolderFacts, where = 'found in the library'): AlreadyInLibrary {
  return {
    mediaId: found.mediaId,
    ...(found.createdAt ? { createdAt: found.createdAt } : {}),
    ...(found.externalId ? { externalId: found.externalId } : {}),
    origin: originOf(found, where),
  }
}

/** The row change that marks it "Already in the library": neither uploaded nor submitted. */
export function markInLibrary(found: AlreadyInLibrary, row: RowAt): RowChange {
  return {
    ...step(row, 'found-in-library'),
    inLibrary: found,
    conflict: undefined,
    issues: [],
    importFailure: undefined,
  }
}

/** Plain words for the grid, the CLI table and `--json`. */
export function describeInLibrary(found: AlreadyInLibrary): string {
  const when = found.createdAt ? ` on ${found.createdAt.slice(0, 10)}` : ''
  return `Already in the library as entry ${found.mediaId}${when}: ${found.origin}. Not uploaded, not submitted.`
}
