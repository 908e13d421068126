/**
 * The import pipeline over one session (ARCHITECTURE.md, "A row's life"): every row gets its entry as it is created
 * and probed, probed rows go to the upload engine by themselves, engine events move the rows, and
 * `submit` validates, sends and puts each outcome on its row. Rows that were being sent when an
 * earlier process died are looked up before anything is sent again. App and CLI share this class.
 */
import { LivingdocsApiError } from '../livingdocs/errors'
import type { ProjectModel } from '../model/livingdocs'
import { newEntryId } from '../session/entry-id'
import type { LocaleAsset, Row } from '../model/row'
import type { Session } from '../session/session'
import type { UploadEngine } from '../storage/upload-engine'
import type { UploadEvent, UploadInput } from '../storage/types'
import { uploadKeyOf } from '../storage/types'
import { ContentCheck, type ContentCheckOptions } from '../importer/content-check'
import { asApiError, type ImportApi } from '../importer/lookups'
import { INTERRUPTED_REASON, reconcileInterrupted } from '../importer/reconcile-interrupted'
import { localeAssetRefusal } from '../importer/locale-asset-rules'
import { localeUploadInputs, uploadChange, uploadInputOf } from './row-assets'
import { shapeEntry } from './row-entry'
import { markCorrection } from '../../../src-shared/rows/update-plan'
import { retryUploads } from './retry-uploads'
import { step } from './row-step'
import { applyOutcome } from './row-outcome'
import { submitSessionRows, type SubmitReport, type SubmitRowsOptions } from '../importer/submit-rows'

export interface PipelineOptions {
  session: Session
  project: ProjectModel
  api: ImportApi
  engine: UploadEngine
  /** The profile's `import.systemName`. */
  defaultSystemName?: string
  batchSize?: number
  batchBytes?: number
  newEntryId?: () => string
  /** Submit-loop settings (tests shorten the backoff). */
  submit?: SubmitRowsOptions['submit']
  /** The lookup before uploads (tests shorten its retries). */
  contentCheck?: Pick<ContentCheckOptions, 'gatherMs' | 'rules' | 'onLookupFailed'>
  /** What other sessions of this computer imported (sessions-index/): known content is not uploaded. */
  sessionsIndex?: ContentCheckOptions['sessionsIndex']
}

export type { SubmitReport }

export class ImportPipeline {
  /** Upload keys handed to the engine by this process (each once; failures are retried on request). */
  private readonly handed = new Set<string>()
  private readonly handedByRow = new Map<string, string[]>()
  private readonly interrupted = new Set<string>()
  private readonly disposers: (() => void)[] = []
  private submitting: Promise<unknown> = Promise.resolve()
  private readonly api: ImportApi
  private readonly contentCheck: ContentCheck

  constructor(private readonly options: PipelineOptions) {
    const { session } = options
    const real = options.api
    this.api = {
      // An attempt is on disk (status submitting, id fixed) before its request leaves.
      importSerialized: async (json, signal) => {
        await session.persisted().catch((err: unknown) => {
          const why = err instanceof Error ? err.message : String(err)
          throw new LivingdocsApiError('request', `The session could not be saved (${why}); nothing was sent.`)
        })
        return real.importSerialized(json, signal)
      },
      getEntriesByIds: (ids, signal) => real.getEntriesByIds(ids, signal),
      findByExternalId: (systemName, externalId, signal) => real.findByExternalId(systemName, externalId, signal),
      findByExternalIds: (systemName, externalIds, signal) => real.findByExternalIds(systemName, externalIds, signal),
    }
    this.contentCheck = new ContentCheck({
      session,
      api: this.api,
      ...(options.defaultSystemName ? { defaultSystemName: options.defaultSystemName } : {}),
      ...(options.contentCheck ?? {}),
      ...(options.sessionsIndex ? { sessionsIndex: options.sessionsIndex } : {}),
      release: (rowIds) => this.handOver(rowIds.flatMap((id) => session.getRow(id) ?? [])),
      onWaiting: (released) => options.engine.expectInputs(released),
    })
  }

  /** Probed rows wait for their "already in the library?" lookup until `releaseContentChecks`. */
  holdContentChecks(): void {
    this.contentCheck.hold()
  }

  releaseContentChecks(): void {
    this.contentCheck.resume()
  }

  /** Resolves when every probed row has had its "already in the library?" lookup. */
  contentChecked(): Promise<void> {
    return this.contentCheck.idle()
  }

  /** Hooks into session and engine; rows of a reopened session continue where they were. */
  start(): void {
    const { session, engine } = this.options
    const newId = this.options.newEntryId ?? newEntryId
    // Imported rows: an entry change becomes a pending correction (core/updater).
    session.setShaper((row, previous) => markCorrection(shapeEntry(row, previous, newId), previous))
    this.disposers.push(session.onRows((rows) => this.handOver(rows)))
    this.disposers.push(engine.on('row', (event) => this.onUpload(event)))
    // A removed row's upload stops and what it left on the server is removed.
    this.disposers.push(session.onPatch((patch) => this.cancelUploads(patch.remove)))
    for (const row of session.snapshot().rows) {
      if (row.status === 'submitting') this.interrupted.add(row.rowId)
      // Rows from before the pipeline get their entry (the shaper adds it); the rest go to the engine.
      if (!row.entry) session.updateRow(row.rowId, {})
    }
    this.handOver(session.snapshot().rows)
  }

  stop(): void {
    this.contentCheck.stop()
    for (const dispose of this.disposers.splice(0)) dispose()
    this.options.session.setShaper(undefined)
  }

  get project(): ProjectModel {
    return this.options.project
  }

  /** Rows from an interrupted run still waiting for their lookup. */
  get interruptedRows(): number {
    return this.interrupted.size
  }

  /**
   * Gives the row a file for one language (media types with translatable assets); it uploads
   * through the same engine. A locale that already has an uploaded file keeps it.
   */
  setLocaleAsset(rowId: string, locale: string, asset: LocaleAsset): void {
    const row = this.options.session.getRow(rowId)
    if (!row) throw new Error(`No row ${rowId} in this session.`)
    // An imported row's file per language could not be sent (no documented operation replaces it).
    const imported = row.status === 'imported' ? localeAssetRefusal(this.project, row, locale) : undefined
    if (imported) throw new Error(imported)
    const current = row.localeAssets?.[locale]
    if (current?.path === asset.path && current.size === asset.size) return
    if (current?.upload?.state === 'uploaded') {
      throw new Error(
        `${row.relativePath}: the ${locale} asset is already uploaded from ${current.path}; it cannot be replaced yet.`,
      )
    }
    this.options.session.updateRow(rowId, { localeAssets: { ...row.localeAssets, [locale]: asset } })
  }

  /**
   * The editor's choice of a row's file in one language, or its removal (`undefined`): a file the
   * engine already has under that key makes way first (stopped and removed from the bucket while
   * in flight; an uploaded one stays in the bucket, unused), then the new file uploads.
   */
  async changeLocaleAsset(rowId: string, locale: string, asset: LocaleAsset | undefined): Promise<void> {
    const { engine, session } = this.options
    const key = uploadKeyOf({ rowId, locale })
    if (this.handed.has(key)) {
      await engine.cancel(key)
      engine.forget(key)
      this.handed.delete(key)
    }
    const row = session.getRow(rowId)
    if (!row) throw new Error(`No row ${rowId} in this session.`)
    const { [locale]: _previous, ...others } = row.localeAssets ?? {}
    session.updateRow(rowId, { localeAssets: asset ? { ...others, [locale]: asset } : others })
  }

  /** Uploads that failed go again (the file is read as it is now): the app's Retry path too. */
  retryUploads(rowIds?: readonly string[]): Promise<number> {
    return retryUploads(this.options.session, this.options.engine, rowIds)
  }

  /** Looks up rows an earlier process left `submitting`; throws when the lookup fails (rows stay). */
  async reconcile(signal?: AbortSignal): Promise<void> {
    const { session } = this.options
    const rows = [...this.interrupted]
      .map((id) => session.getRow(id))
      .filter((row): row is Row => row?.status === 'submitting')
    if (rows.length > 0) {
      const result = await reconcileInterrupted(this.api, this.options.project, rows, {
        ...(this.options.defaultSystemName ? { defaultSystemName: this.options.defaultSystemName } : {}),
        ...(signal ? { signal } : {}),
      })
      for (const [rowId, outcome] of result.settled) {
        const row = session.getRow(rowId)
        if (row) session.updateRow(rowId, applyOutcome(outcome, row))
      }
      for (const row of result.absent.flatMap((id) => session.getRow(id) ?? [])) {
        const failure = { reason: INTERRUPTED_REASON, retryable: true }
        session.updateRow(row.rowId, { ...step(row, 'not-found-after-crash'), importFailure: failure })
      }
    }
    this.interrupted.clear()
    await session.persisted()
  }

  /** Sends rows not yet imported (`failed`: only rows already tried); one submit at a time. */
  submit(
    options: { rowIds?: readonly string[]; mode?: 'all' | 'failed'; signal?: AbortSignal } = {},
  ): Promise<SubmitReport> {
    const run = this.submitting.then(() => this.runSubmit(options.mode ?? 'all', options.rowIds, options.signal))
    this.submitting = run.catch(() => undefined)
    return run
  }

  resubmitFailed(signal?: AbortSignal): Promise<SubmitReport> {
    return this.submit({ mode: 'failed', ...(signal ? { signal } : {}) })
  }

  private async runSubmit(
    mode: 'all' | 'failed',
    rowIds: readonly string[] | undefined,
    signal?: AbortSignal,
  ): Promise<SubmitReport> {
    let unchecked: SubmitReport['stopped']
    await this.reconcile(signal).catch((err: unknown) => {
      const { kind, message } = asApiError(err)
      unchecked = { kind, message: `Rows from the interrupted run could not be checked: ${message}` }
    })
    const {
      session,
      project,
      api: _api,
      engine: _engine,
      newEntryId: _id,
      contentCheck: _check,
      sessionsIndex: _index,
      ...settings
    } = this.options
    const report = await submitSessionRows(session, this.api, project, { ...settings, mode, rowIds, signal })
    if (unchecked) return { ...report, stopped: report.stopped ?? unchecked, unconfirmed: this.interrupted.size }
    return report
  }

  private handOver(rows: readonly Row[]): void {
    const inputs: UploadInput[] = []
    for (const row of rows) {
      // A file the library may already hold waits for its lookup: a known file costs no upload.
      if (uploadInputOf(row) && !this.contentCheck.admit(row)) continue
      for (const input of [uploadInputOf(row), ...localeUploadInputs(row)]) {
        if (!input) continue
        const key = uploadKeyOf(input)
        if (this.handed.has(key)) continue
        this.handed.add(key)
        this.handedByRow.set(input.rowId, [...(this.handedByRow.get(input.rowId) ?? []), key])
        inputs.push(input)
      }
    }
    if (inputs.length > 0) this.options.engine.enqueue(inputs)
  }

  private cancelUploads(rowIds: readonly string[]): void {
    const { engine, session } = this.options
    for (const rowId of rowIds) {
      const keys = this.handedByRow.get(rowId)
      if (!keys || session.getRow(rowId)) continue
      this.handedByRow.delete(rowId)
      for (const key of keys) {
        this.handed.delete(key)
        void engine.cancel(key).catch(() => undefined)
      }
    }
  }

  private onUpload(event: UploadEvent): void {
    const row = this.options.session.getRow(event.rowId)
    if (!row) return
    const change = uploadChange(row, event)
    if (change) this.options.session.updateRow(row.rowId, change)
  }
}
