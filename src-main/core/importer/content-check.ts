/**
 * Holds each probed row's upload until the library has been asked whether it already holds the
 * row's content (library-check.ts). Rows are gathered for a moment and asked about together, so a
 * drop of 500 files costs a handful of lookups, and a known file costs no upload. What the answer
 * finds is put on the rows: "Already in the library" (status `in-library`), or, for a row whose
 * externalId is the editor's own, a warning naming the entry (`contentMatch`).
 */
import type { AlreadyInLibrary, Row } from '../model/row'
import type { Session } from '../session/session'
import { alreadyInLibrary, editorExternalId, holderOf, markInLibrary, rowContentId } from './content-identity'
import { contentLookupRules, contentTargets, lookUpContent } from './library-check'
import type { ImportApi, RetryRules } from './lookups'
import { confirmSessionHits } from './sessions-index/local-hits'
import type { SessionHit, SessionsIndex } from './sessions-index/sessions-index'

export interface ContentCheckOptions {
  session: Session
  api: Pick<ImportApi, 'findByExternalIds' | 'getEntriesByIds'>
  defaultSystemName?: string
  /** What other sessions of this computer imported (sessions-index/), read while the first files are probed. */
  sessionsIndex?: Promise<SessionsIndex>
  /** Rows whose answer is in: the pipeline hands what may still upload to the engine. */
  release: (rowIds: readonly string[]) => void
  /** How long rows are gathered before one lookup; default 100 ms (far less than any upload). */
  gatherMs?: number
  rules?: Partial<RetryRules>
  /** Told when a lookup failed (uploads went ahead; the server still refuses a duplicate). */
  onLookupFailed?: (message: string) => void
  /** Rows now wait for a lookup; `released` resolves once they were handed on (the engine's idle waits for it). */
  onWaiting?: (released: Promise<void>) => void
}

export class ContentCheck {
  private readonly checked = new Set<string>()
  private readonly pending = new Set<string>()
  private batch: { timer: NodeJS.Timeout; released: () => void } | undefined
  private running: Promise<void> = Promise.resolve()
  private stopped = false
  private held = false
  private index: SessionsIndex | undefined

  constructor(private readonly options: ContentCheckOptions) {
    options.sessionsIndex?.then(
      (index) => (this.index = index),
      () => undefined,
    )
  }

  /** True when the row may upload now; false when it waits for its lookup (queued here). */
  admit(row: Row): boolean {
    if (this.stopped || this.checked.has(row.rowId)) return true
    if (!rowContentId(row)) return true
    if (!this.pending.has(row.rowId)) {
      this.pending.add(row.rowId)
      if (!this.batch) {
        let released = (): void => undefined
        const waiting = new Promise<void>((resolve) => (released = resolve))
        this.batch = { timer: setTimeout(() => this.flush(), this.options.gatherMs ?? 100), released }
        this.options.onWaiting?.(waiting)
      }
    }
    return false
  }

  /**
   * Rows gather without being looked up until `resume`: the CLI holds the lookups while its
   * `--metadata` CSV is applied, so a row the CSV gives its own externalId is looked up by that id,
   * not as "already in the library" under its content identity.
   */
  hold(): void {
    this.held = true
  }

  resume(): void {
    this.held = false
    if (this.batch) this.flush()
  }

  /** Resolves when no row waits for a lookup (asking for it ends a hold). */
  async idle(): Promise<void> {
    this.held = false
    while (this.batch) {
      this.flush()
      await this.running
    }
    await this.running
  }

  stop(): void {
    this.stopped = true
    if (this.batch) {
      clearTimeout(this.batch.timer)
      this.batch.released()
    }
    this.batch = undefined
    this.pending.clear()
  }

  private flush(): void {
    const batch = this.batch
    if (!batch || this.held) return
    this.batch = undefined
    clearTimeout(batch.timer)
    const ids = [...this.pending]
    this.pending.clear()
    // check() never throws: a failed lookup releases the rows too.
    this.running = this.running.then(() => this.check(ids))
    void this.running.then(batch.released)
  }

  private async check(rowIds: readonly string[]): Promise<void> {
    const { session } = this.options
    const rows = rowIds.map((id) => session.getRow(id)).filter((row): row is Row => row !== undefined)
    const targets = contentTargets(rows, this.options.defaultSystemName)
    const rules = { ...contentLookupRules(), ...this.options.rules }
    const found = new Map<string, AlreadyInLibrary>()
    let answered = true
    try {
      for (const [rowId, hit] of await lookUpContent(this.options.api, targets, { rules })) {
        found.set(rowId, alreadyInLibrary(holderOf(hit)))
      }
    } catch (err) {
      answered = false
      this.options.onLookupFailed?.(err instanceof Error ? err.message : String(err))
    }
    // Rows the library did not place: another session of this computer may have imported them.
    // The library answered: the index only adds entries it holds under other ids, so uploads do
    // not wait for it to be read. It did not answer: the index is all there is, worth the wait.
    const index = answered ? this.index : await this.options.sessionsIndex?.catch(() => undefined)
    const local = new Map<string, SessionHit>()
    for (const target of targets) {
      const sha256 = session.getRow(target.rowId)?.sha256
      const hit = found.has(target.rowId) || !sha256 ? undefined : index?.find(sha256, target.systemName)
      if (hit) local.set(target.rowId, hit)
    }
    for (const [rowId, facts] of await confirmSessionHits(this.options.api, local, answered, rules)) {
      found.set(rowId, facts)
    }
    for (const target of targets) {
      const facts = found.get(target.rowId)
      const now = session.getRow(target.rowId)
      if (!facts || this.stopped || !now) continue
      // An externalId the editor gave while the lookup ran makes the same bytes elsewhere a warning.
      const editorOwned = target.editorOwned || editorExternalId(now) !== undefined
      session.updateRow(target.rowId, editorOwned ? { contentMatch: facts } : markInLibrary(facts, now))
    }
    for (const id of rowIds) this.checked.add(id)
    if (!this.stopped) this.options.release(rowIds)
  }
}
