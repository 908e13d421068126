/**
 * The steps of one headless import over an open session: scan and probe (uploads start as rows
 * are probed), put the CSV values on the rows, wait for the uploads (failed ones get one more
 * try), submit, and send once more what failed for a reason worth retrying. Cancellable.
 */
import type { ScanProgress } from '../contract'
import { ScanRunner } from '../core/pipeline/scan-runner'
import type { ImportSession } from '../core/pipeline/import-session'
import type { SubmitReport } from '../core/pipeline/import-pipeline'
import { importRowsAsFiles, linkRowsToExisting } from '../core/pipeline/row-actions'
import { linkRefusal } from '../core/pipeline/row-outcome'
import { canImportAsFile } from '../core/pipeline/as-file'
import { applyMetadata, type MetadataPlan } from './import-metadata'
import type { FieldIssue } from '../core/model/row'
import { settleInterruptedUpdates, updateRows, type UpdateReport } from '../core/updater/update-rows'

/** The ways out the editor chose on the command line, applied as the app's row choices are. */
export interface RunChoices {
  /** `--link-conflicts`: a row whose externalId the library holds takes that entry ("Link to entry"). */
  linkConflicts?: boolean
  /** `--import-unreadable-as-file`: damaged images and videos, and videos without duration, go as files. */
  importUnreadableAsFile?: boolean
}

export interface RunObserver {
  phase(phase: 'scanning' | 'uploading' | 'importing'): void
  scan(progress: ScanProgress): void
}

export interface RunResult {
  scan: ScanProgress | undefined
  /** Set when a submit stopped early (auth, API version, cancel): what to do. */
  stopped: SubmitReport['stopped']
  /** Rows the metadata file could not change; they were not submitted. */
  refused: Map<string, FieldIssue>
  /** Corrections of imported rows sent by PATCH (core/updater). */
  updates: UpdateReport | undefined
}

/** Resolves with the promise, or when the signal aborts (whatever is left keeps running and is closed after). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return Promise.resolve(undefined)
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(undefined)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(err instanceof Error ? err : new Error(String(err)))
      },
    )
  })
}

function scan(
  imp: ImportSession,
  roots: readonly string[],
  observer: RunObserver,
  signal: AbortSignal,
): Promise<ScanProgress> {
  return new Promise((resolve) => {
    const runner = new ScanRunner(
      imp.session,
      (progress) => {
        observer.scan(progress)
        if (progress.state !== 'running') resolve(progress)
      },
      imp.scanOptions,
    )
    const scanId = runner.start(roots)
    signal.addEventListener('abort', () => runner.cancel(scanId), { once: true })
  })
}

export async function runImportSteps(
  imp: ImportSession,
  roots: readonly string[],
  plan: MetadataPlan | undefined,
  observer: RunObserver,
  signal: AbortSignal,
  choices: RunChoices = {},
): Promise<RunResult> {
  const result: RunResult = { scan: undefined, stopped: undefined, refused: new Map(), updates: undefined }
  observer.phase('scanning')
  imp.engine.resume()
  // A CSV may give rows their own externalId: they are looked up in the library once it is applied.
  if (plan) imp.pipeline.holdContentChecks()
  result.scan = await scan(imp, roots, observer, signal)
  // Files an earlier run found but never read are read now, like the scan's.
  await untilAborted(imp.leftovers, signal)
  if (signal.aborted) return result
  // A correction a killed run left on its way is settled first, so the CSV meets the row as it is.
  const landed = await settleInterruptedUpdates(imp.session, imp.client, { signal })
  // What an earlier CSV could not correct on an imported row is that run's answer, not this one's.
  for (const row of imp.session.snapshot().rows) {
    if (row.status === 'imported' && (row.issues?.length ?? 0) > 0) imp.session.updateRow(row.rowId, { issues: [] })
  }
  if (plan) result.refused = await applyMetadata(imp, plan)
  if (choices.importUnreadableAsFile) {
    // As the app's "Import as file": the rows become file rows and upload with the others.
    const rowIds = imp.session
      .snapshot()
      .rows.filter((row) => canImportAsFile(row))
      .map((row) => row.rowId)
    if (rowIds.length > 0) await importRowsAsFiles(imp.session, rowIds, { project: imp.project })
  }
  imp.pipeline.releaseContentChecks()

  observer.phase('uploading')
  // Files the library already holds are found first: they are neither uploaded nor submitted.
  await untilAborted(imp.pipeline.contentChecked(), signal)
  await untilAborted(imp.engine.idle(), signal)
  const retryable = imp.session
    .snapshot()
    .rows.filter((row) => row.upload?.error?.retryable)
    .map((row) => row.rowId)
  if (retryable.length > 0 && !signal.aborted) {
    await imp.pipeline.retryUploads(retryable)
    await untilAborted(imp.engine.idle(), signal)
  }
  if (signal.aborted) return result

  observer.phase('importing')
  const rowIds = imp.session
    .snapshot()
    .rows.filter((row) => !result.refused.has(row.rowId))
    .map((row) => row.rowId)
  const first = await imp.pipeline.submit({ rowIds, signal })
  result.stopped = first.stopped
  const again = imp.session
    .snapshot()
    .rows.filter((row) => row.importFailure?.retryable && !result.refused.has(row.rowId))
    .map((row) => row.rowId)
  if (again.length > 0 && !signal.aborted && !first.stopped) {
    result.stopped = (await imp.pipeline.submit({ mode: 'failed', rowIds: again, signal })).stopped
  }
  if (choices.linkConflicts) {
    // Conflicts are known only once the lookup or the server named the library's entry: after the submits.
    const rowIds = imp.session
      .snapshot()
      .rows.filter((row) => !linkRefusal(row))
      .map((row) => row.rowId)
    if (rowIds.length > 0) await linkRowsToExisting(imp.session, rowIds)
  }
  // Imported rows the CSV (or the app, in this session) corrected; failed ones go once more.
  if (!signal.aborted && !result.stopped) {
    const rowIds = imp.session
      .snapshot()
      .rows.filter((row) => row.update && !result.refused.has(row.rowId))
      .map((row) => row.rowId)
    if (rowIds.length > 0) {
      result.updates = await updateRows(imp.session, imp.client, { rowIds, includeFailed: true, signal })
    }
  }
  if (landed > 0) {
    result.updates ??= { updated: 0, failed: [] }
    result.updates.updated += landed
  }
  for (const [rowId, issue] of result.refused) imp.session.updateRow(rowId, { issues: [issue] })
  return result
}
