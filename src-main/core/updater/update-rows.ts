/**
 * Sends the corrections of imported rows: one `PATCH /mediaLibrary/{id}` per row with the
 * entry's `version` (a change made in Livingdocs meanwhile is a 409 shown on the row, never
 * overwritten). Journaled: the row goes `sending` with what is sent, and the PATCH leaves only
 * once that is on disk; the answer makes it `updated` or `failed`. A row found `sending` (a crash
 * or an answer that never came) is looked up and compared first (reconcile-sent.ts), so a PATCH
 * that landed is never sent twice.
 */
import type { LivingdocsClient } from '../livingdocs/client'
import { isApiError } from '../livingdocs/errors'
import { readServerFieldErrors } from '../livingdocs/server-field-errors'
import type { Session } from '../session/session'
import type { MetadataPatch, RowUpdate } from '../model/row'
import { entryVersion, pendingPatches, sameJson } from '../../../src-shared/rows/update-plan'
import { hasCorrection, type CorrectedRow } from '../../../src-shared/rows/row-guards'
import { applyPatches, judgeSent } from './reconcile-sent'
import type { UpdateReport } from './types'

export type UpdateApi = Pick<LivingdocsClient, 'patchEntry' | 'getEntriesByIds'>

export interface UpdateOptions {
  /** Only these rows (default: every imported row with a correction). */
  rowIds?: readonly string[]
  /** Also rows whose last update failed for a reason worth retrying ("Re-submit failed"). */
  includeFailed?: boolean
  /** Keep the entry's `updatedAt` (sent only where the API version has it, 2026-03 on). Default true. */
  preserveUpdatedAt?: boolean
  signal?: AbortSignal
}

export type { UpdateFailure, UpdateReport } from './types'

const mediaIdOf = (row: CorrectedRow): string => row.result.mediaId

/** The row as it is now, while it still has its correction (a change since may have settled it). */
function current(session: Session, row: CorrectedRow): CorrectedRow {
  const now = session.getRow(row.rowId)
  return now && hasCorrection(now) ? now : row
}

export async function updateRows(session: Session, api: UpdateApi, options: UpdateOptions = {}): Promise<UpdateReport> {
  const report: UpdateReport = { updated: 0, failed: [] }
  const wanted = options.rowIds ? new Set(options.rowIds) : undefined
  const rows = (): CorrectedRow[] =>
    session
      .snapshot()
      .rows.filter(hasCorrection)
      .filter((row) => !wanted || wanted.has(row.rowId))

  report.updated += await settleInterruptedUpdates(session, api, options)
  for (const row of rows()) {
    if (options.signal?.aborted) break
    const update = row.update
    const retry = options.includeFailed === true && update.state === 'failed' && update.error?.retryable === true
    if (update.state !== 'pending' && !retry) continue
    const outcome = await sendOne(session, api, row, options)
    if (outcome === 'updated') report.updated += 1
    else if (outcome !== 'unchanged' && 'stop' in outcome) {
      report.stopped = outcome.stop
      break
    }
  }
  for (const row of rows()) {
    const update = row.update
    if (update.state === 'failed' || update.state === 'sending') {
      const reason =
        update.error?.reason ?? 'The answer to its update never came; it is looked up before anything is sent again.'
      report.failed.push({
        rowId: row.rowId,
        relativePath: row.relativePath,
        reason,
        conflict: update.error?.conflict === true,
      })
    }
  }
  return report
}

/**
 * Rows left `sending` (a killed run, a lost answer) are looked up and settled before anything else
 * touches them, e.g. before a CSV's values are put on the rows. Answers how many had landed.
 */
export async function settleInterruptedUpdates(
  session: Session,
  api: UpdateApi,
  options: Pick<UpdateOptions, 'rowIds' | 'signal'> = {},
): Promise<number> {
  const wanted = options.rowIds ? new Set(options.rowIds) : undefined
  let landed = 0
  for (const row of session.snapshot().rows) {
    if (!hasCorrection(row) || row.update.state !== 'sending' || (wanted && !wanted.has(row.rowId))) continue
    if ((await settleSent(session, api, row, options.signal)) === 'updated') landed += 1
  }
  return landed
}

type SendOutcome = 'updated' | 'unchanged' | { failed: string } | { stop: string }

async function sendOne(
  session: Session,
  api: UpdateApi,
  row: CorrectedRow,
  options: UpdateOptions,
): Promise<SendOutcome> {
  const update = row.update
  const patches = pendingPatches(row)
  const mediaId = mediaIdOf(row)
  if (patches.length === 0) {
    session.updateRow(row.rowId, { update: { state: 'updated', confirmed: update.confirmed } })
    return 'unchanged'
  }
  let version = entryVersion(row.result.record)
  if (version === undefined) {
    // An import record without a version (an older server): the lookup gives it, so a change
    // made in Livingdocs meanwhile is still caught.
    let remote: Record<string, unknown> | undefined
    try {
      remote = (await api.getEntriesByIds([mediaId], options.signal))[0]?.record
    } catch (err) {
      return fail(session, row, { reason: messageOf(err), retryable: true })
    }
    if (!remote) return fail(session, row, { reason: goneReason(mediaId), retryable: false })
    version = entryVersion(remote)
    // Without a version from the import, a property we would change that Livingdocs changed
    // since is found by its value.
    const held = (remote.metadata ?? {}) as Record<string, unknown>
    if (patches.some((p) => !sameJson(held[p.propertyName] ?? null, update.confirmed[p.propertyName] ?? null))) {
      return fail(session, row, { reason: conflictReason(mediaId), conflict: true, retryable: false })
    }
  }
  const sent = version === undefined ? { patches } : { version, patches }
  session.updateRow(row.rowId, { update: { state: 'sending', confirmed: update.confirmed, sent } })
  // The journal holds "sending" before the request leaves: a crash from here on is reconciled.
  await session.persisted()
  try {
    await api.patchEntry(mediaId, { ...sent, preserveUpdatedAt: options.preserveUpdatedAt ?? true }, options.signal)
  } catch (err) {
    return answerFailed(session, api, current(session, row), err, options.signal)
  }
  confirm(session, current(session, row), patches, version === undefined ? undefined : version + 1)
  return 'updated'
}

async function answerFailed(
  session: Session,
  api: UpdateApi,
  row: CorrectedRow,
  err: unknown,
  signal: AbortSignal | undefined,
): Promise<SendOutcome> {
  const mediaId = mediaIdOf(row)
  if (!isApiError(err)) return fail(session, row, { reason: messageOf(err), retryable: true })
  if (err.ambiguous) {
    // The server may have stored it: look before anything is sent again.
    const settled = await settleSent(session, api, row, signal)
    return settled === 'updated' ? 'updated' : { failed: err.message }
  }
  if (err.status === 409) {
    return fail(session, row, { reason: conflictReason(mediaId), conflict: true, retryable: false })
  }
  if (err.kind === 'not-found') {
    return fail(session, row, { reason: goneReason(mediaId), retryable: false })
  }
  if (err.kind === 'request') return fail(session, row, { ...refusalOf(err.body, err.message), retryable: false })
  const failed = fail(session, row, { reason: err.message, retryable: err.retryable || err.stopsRun })
  return err.stopsRun ? { stop: err.message } : failed
}

/** A 400's first field error (`errors[]`, or `patches.N.*`), as a field path and the server's words. */
function refusalOf(body: unknown, message: string): { reason: string; field?: string } {
  const details = (body as { error_details?: unknown } | undefined)?.error_details
  if (typeof details !== 'object' || details === null) return { reason: message }
  const first = readServerFieldErrors(details as Record<string, unknown>)[0]
  if (first?.metadataProperty) {
    return {
      reason: `The server refused the correction: ${first.message}`,
      field: `metadata.${first.metadataProperty}`,
    }
  }
  if (first) return { reason: `The server refused the correction: ${first.message}` }
  return { reason: message }
}

/** Looks the entry up and settles a row left `sending`; 'updated' when our PATCH is in the library. */
async function settleSent(
  session: Session,
  api: UpdateApi,
  row: CorrectedRow,
  signal?: AbortSignal,
): Promise<'updated' | 'open'> {
  const update = row.update
  if (!update.sent) {
    session.updateRow(row.rowId, { update: { state: 'pending', confirmed: update.confirmed } })
    return 'open'
  }
  let remote: Record<string, unknown> | undefined
  try {
    remote = (await api.getEntriesByIds([mediaIdOf(row)], signal))[0]?.record
  } catch {
    // Still unknown: the row stays `sending` and is looked up again on the next run.
    return 'open'
  }
  const verdict = judgeSent(update.sent, update.confirmed, remote)
  switch (verdict.kind) {
    case 'landed':
      confirm(session, row, update.sent.patches, verdict.version)
      return 'updated'
    case 'not-landed':
      session.updateRow(row.rowId, { update: { state: 'pending', confirmed: update.confirmed } })
      return 'open'
    case 'conflict':
      fail(session, row, {
        reason: `Changed in Livingdocs while this row's correction was under way (media id ${mediaIdOf(row)}): nothing more was sent. Check the entry in Livingdocs and correct it there.`,
        conflict: true,
        retryable: false,
      })
      return 'open'
    case 'gone':
      fail(session, row, {
        reason: `The library no longer holds media id ${mediaIdOf(row)} (deleted in Livingdocs?), so the correction cannot be sent.`,
        retryable: false,
      })
      return 'open'
  }
}

function confirm(
  session: Session,
  row: CorrectedRow,
  patches: readonly MetadataPatch[],
  version: number | undefined,
): void {
  const update = row.update
  const confirmed = applyPatches(update.confirmed, patches)
  const record = row.result.record
  const metadata = applyPatches((record.metadata ?? {}) as Record<string, unknown>, patches)
  const nextRecord = { ...record, metadata, ...(version === undefined ? {} : { version }) }
  session.updateRow(row.rowId, {
    update: { state: 'updated', confirmed },
    result: { ...row.result, record: nextRecord },
  })
}

function fail(session: Session, row: CorrectedRow, error: NonNullable<RowUpdate['error']>): SendOutcome {
  const update = row.update
  session.updateRow(row.rowId, { update: { state: 'failed', confirmed: update.confirmed, error } })
  return { failed: error.reason }
}

const conflictReason = (mediaId: string): string =>
  `Changed in Livingdocs since this row last saw it (media id ${mediaId} has a newer version there): the correction was not sent, so nothing was overwritten. Check the entry in Livingdocs and correct it there.`
const goneReason = (mediaId: string): string =>
  `The library no longer holds media id ${mediaId} (deleted in Livingdocs?), so the correction cannot be sent.`

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err))
