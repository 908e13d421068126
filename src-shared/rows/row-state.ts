/**
 * Where a row stands, in one sentence an editor understands, derived from the whole row (its
 * status, upload, issues, conflict, failure and result), never from the last event alone: a row
 * whose submit failed is "Failed: …", not "Uploaded", and a row with an invalid cell is "Needs
 * attention: Title", whatever its upload did. The grid's Status column, the counts bar, the error
 * panel and the CLI's table and `--json` all read it from here, so they cannot disagree. Also
 * names the ways out the row offers. Pure, and free of Node and DOM APIs: the renderer imports it.
 */
import type { FieldIssue, Row, RowStatus } from '../../src-main/core/model/row'
import { shortCause, defaultFieldLabel, type WayOut } from './row-state-words'

export { defaultFieldLabel, shortCause, WAY_OUT_LABELS, type WayOut } from './row-state-words'

export type RowStateKind =
  | 'skipped'
  | 'unreadable'
  | 'reading'
  | 'waiting'
  | 'uploading'
  | 'paused'
  | 'upload-failed'
  | 'needs-attention'
  | 'ready'
  | 'submitting'
  | 'imported'
  | 'in-library'
  | 'update-pending'
  | 'updating'
  | 'updated'
  | 'update-failed'
  | 'update-conflict'
  | 'failed'
  | 'conflict'

/** The counts bar's groups; skipped and unreadable files are in none. */
export type RowGroup = 'ready' | 'invalid' | 'uploading' | 'imported' | 'failed'

export interface RowState {
  kind: RowStateKind
  /** The Status cell: short, with the cause ("Failed: The Livingdocs server is unavailable (503)."). */
  label: string
  /** The cause in full (the tooltip, the CLI's reason line). */
  reason?: string
  /** A fact beside the label: the media id, the number of tries, the fields. */
  detail?: string
  waysOut: WayOut[]
  group: RowGroup | undefined
}

export interface RowStateOptions {
  /** The grid's name for a field (`metadata.title` → "Title"); default: a readable form of the path. */
  fieldLabel?: (field: string) => string
}

/** Our own submit wording ("Gave up after 6 attempt(s)") carries the number of tries. */
const triesIn = (reason: string): number | undefined => {
  const n = /after (\d+) attempt/i.exec(reason)?.[1]
  return n === undefined ? undefined : Number(n)
}

/** A value over its field's length limit: the row offers "Shorten". */
export const isTooLong = (issue: FieldIssue): boolean =>
  /at most \d+ characters|too long|larger than/i.test(issue.message)

/** Statuses in which a probed row may still change its kind: not sent, not being sent. */
const NOT_SENT: readonly RowStatus[] = ['probed', 'uploading', 'uploaded', 'upload-failed', 'rejected']

/** A probed video without a duration, not imported: the server refuses it as a video, not as a file. */
export function isVideoWithoutDuration(row: Pick<Row, 'status' | 'kind' | 'duration'>): boolean {
  return row.kind === 'video' && row.duration === undefined && NOT_SENT.includes(row.status)
}

function attentionWays(row: Row, issues: readonly FieldIssue[]): WayOut[] {
  const ways = new Set<WayOut>()
  for (const issue of issues) {
    if (isTooLong(issue)) ways.add('shorten')
    if (issue.field === 'externalId') ways.add('change-external-id')
    if (issue.field === 'asset' && isVideoWithoutDuration(row)) ways.add('import-as-file')
  }
  if (row.status === 'rejected') ways.add('resubmit')
  return [...ways]
}

function needsAttention(row: Row, issues: readonly FieldIssue[], options: RowStateOptions): RowState {
  const label = options.fieldLabel ?? defaultFieldLabel
  const fields = [...new Set(issues.map((i) => label(i.field)))]
  const refused = row.status === 'rejected'
  const messages = issues.map((i) => `${label(i.field)}: ${i.message}`).join(' ')
  return {
    kind: 'needs-attention',
    label: `Needs attention: ${fields.join(', ')}`,
    reason: refused ? `The server refused the entry. ${messages}` : messages,
    detail: fields.join(', '),
    waysOut: attentionWays(row, issues),
    // A refused row was tried: it counts with the failed ones and goes again on "Re-submit failed".
    group: refused ? 'failed' : 'invalid',
  }
}

function uploadFailed(row: Row): RowState {
  const error = row.upload?.error
  const reason = error?.message ?? row.reason ?? 'The upload failed.'
  const profile = error?.code === 'access-denied' || error?.code === 'bucket-missing' || error?.code === 'config'
  return {
    kind: 'upload-failed',
    label: `Upload failed: ${shortCause(reason)}`,
    reason,
    waysOut: profile ? ['fix-profile', 'retry-upload'] : ['retry-upload'],
    group: 'failed',
  }
}

function failed(row: Row, reason: string, retryable: boolean): RowState {
  const tries = triesIn(reason)
  const sent = row.submitAttempts ?? 0
  const detail =
    tries !== undefined
      ? `gave up after ${tries} tries`
      : sent > 0
        ? `sent ${sent} time${sent === 1 ? '' : 's'}`
        : undefined
  return {
    kind: 'failed',
    label: `Failed: ${shortCause(reason)}${tries !== undefined ? ` (${tries} tries)` : ''}`,
    reason,
    ...(detail ? { detail } : {}),
    waysOut: retryable ? ['resubmit'] : [],
    group: 'failed',
  }
}

function conflict(row: Row): RowState {
  const existing = row.conflict?.existing
  const field = row.conflict?.field ?? 'externalId'
  const byExternalId = field === 'externalId'
  const whom = existing
    ? `library entry ${existing.mediaId}${existing.filename ? ` (${existing.filename})` : ''}`
    : 'a library entry'
  const reason = byExternalId
    ? `The library already holds ${whom} with externalId "${existing?.externalId ?? row.entry?.externalId ?? ''}". Link this row to it, or change the row's externalId.`
    : `${whom} already uses this row's entry id; it is a different entry.`
  return {
    kind: 'conflict',
    label: `Conflict: ${byExternalId ? 'externalId' : 'entry id'} held by ${whom}`,
    reason,
    ...(existing ? { detail: existing.mediaId } : {}),
    waysOut: byExternalId ? ['link', 'change-external-id'] : [],
    group: 'failed',
  }
}

function inFlight(row: Row): RowState {
  const upload = row.upload
  const state = (kind: RowStateKind, label: string): RowState => ({ kind, label, waysOut: [], group: 'uploading' })
  if (upload?.state === 'paused') return state('paused', 'Paused')
  // The status alone says so when the engine's first report has not reached the row yet.
  if (upload?.state === 'uploading' || (row.status === 'uploading' && !upload)) {
    const percent = upload && upload.bytesTotal > 0 ? Math.floor((100 * upload.bytesSent) / upload.bytesTotal) : 0
    return state('uploading', `Uploading ${percent} %`)
  }
  if (upload?.state === 'cancelled') {
    return {
      ...state('waiting', 'Upload cancelled'),
      reason: 'The upload was cancelled; Retry starts it again.',
      waysOut: ['retry-upload'],
    }
  }
  return state('waiting', 'Waiting to upload')
}

export function rowState(row: Row, options: RowStateOptions = {}): RowState {
  const state = baseState(row, options)
  const match = row.contentMatch
  if (!match || state.kind === 'imported' || state.kind === 'in-library') return state
  // The editor's own externalId goes as set; the same bytes under another identity are only a warning.
  const note = `(the library also holds this file as entry ${match.mediaId})`
  return { ...state, label: `${state.label} ${note}`, reason: state.reason ? `${state.reason} ${note}` : note }
}

function inLibrary(row: Row): RowState {
  const found = row.inLibrary
  const mediaId = found?.mediaId ?? row.result?.mediaId
  const when = found?.createdAt ? ` of ${found.createdAt.slice(0, 10)}` : ''
  return {
    kind: 'in-library',
    label: mediaId ? `Already in the library: entry ${mediaId}${when}` : 'Already in the library',
    ...(found
      ? {
          reason: `Already in the library as entry ${found.mediaId}${when}: ${found.origin}. Not uploaded, not submitted.`,
        }
      : {}),
    ...(mediaId ? { detail: mediaId } : {}),
    waysOut: [],
    group: 'imported',
  }
}

/** An imported row's correction (core/updater): "Update pending" -> "Updated", or why it failed. */
function correction(row: Row, update: NonNullable<Row['update']>): RowState {
  const mediaId = row.result?.mediaId
  const base = { ...(mediaId ? { detail: mediaId } : {}), waysOut: [] as WayOut[] }
  switch (update.state) {
    case 'pending':
      // Counts like a row to send: "Submit all valid" sends it.
      return { ...base, kind: 'update-pending', label: 'Update pending', group: 'ready' }
    case 'sending':
      return { ...base, kind: 'updating', label: 'Updating', group: 'uploading' }
    case 'updated':
      return { ...base, kind: 'updated', label: 'Updated', group: 'imported' }
    case 'failed': {
      const error = update.error
      const reason = error?.reason ?? 'The correction did not reach the library.'
      if (error?.conflict) {
        // Changed in Livingdocs meanwhile: resolved there, never overwritten from here.
        return {
          ...base,
          kind: 'update-conflict',
          label: `Update conflict: ${shortCause(reason)}`,
          reason,
          group: 'failed',
        }
      }
      return {
        ...base,
        kind: 'update-failed',
        label: `Update failed: ${shortCause(reason)}`,
        reason,
        waysOut: error?.retryable ? ['resubmit'] : [],
        group: 'failed',
      }
    }
  }
}

function baseState(row: Row, options: RowStateOptions): RowState {
  switch (row.status) {
    case 'in-library':
      return inLibrary(row)
    case 'skipped':
      return {
        kind: 'skipped',
        label: row.reason ? `Skipped: ${shortCause(row.reason)}` : 'Skipped',
        ...(row.reason ? { reason: row.reason } : {}),
        waysOut: [],
        group: undefined,
      }
    case 'unreadable': {
      const reason = row.probeError?.message ?? row.reason ?? 'The file could not be read.'
      return {
        kind: 'unreadable',
        label: `Cannot be read: ${shortCause(reason)}`,
        reason,
        waysOut: row.probeError?.canImportAsFile ? ['import-as-file'] : [],
        group: undefined,
      }
    }
    case 'scanned':
      return { kind: 'reading', label: 'Reading', waysOut: [], group: 'uploading' }
    case 'submitting':
      return { kind: 'submitting', label: 'Importing', waysOut: [], group: 'uploading' }
    case 'imported': {
      if (row.update) return correction(row, row.update)
      const mediaId = row.result?.mediaId ?? ''
      const linked = row.result?.record.linked === true
      return {
        kind: linked ? 'in-library' : 'imported',
        label: linked ? 'Already in the library' : 'Imported',
        ...(mediaId ? { detail: mediaId } : {}),
        waysOut: [],
        group: 'imported',
      }
    }
    case 'conflict':
      return conflict(row)
    case 'upload-failed':
      return uploadFailed(row)
  }
  if (row.importFailure) return failed(row, row.importFailure.reason, row.importFailure.retryable)
  const issues = row.issues ?? []
  if (issues.length > 0) return needsAttention(row, issues, options)
  if (row.status === 'rejected') return failed(row, 'The server refused the entry without saying why.', true)
  if (row.status === 'uploaded') return { kind: 'ready', label: 'Ready', waysOut: [], group: 'ready' }
  return inFlight(row)
}
