/**
 * An in-memory Media Library behind the importer's `ImportApi`, for unit tests of the submit
 * loop's decisions (fast, no sockets). It keeps the documented semantics — unique ids, unique
 * systemName+externalId, per-entry results in the 2026-01 shape — and takes scripted faults.
 * The real thing (HTTP, the emulator) is exercised by the integration tests.
 */
import { LivingdocsApiError } from '../core/livingdocs/errors'
import { normaliseImportResponse } from '../core/livingdocs/normalise-import'
import { normaliseLookupResponse } from '../core/livingdocs/normalise-lookup'
import type { ImportEntry, ImportItem, LibraryEntry } from '../core/model/livingdocs'
import type { ImportApi } from '../core/importer/lookups'

export type FakeFault =
  | { kind: 'server'; status?: number; store?: boolean; retryAfterMs?: number }
  | { kind: 'rate-limit'; retryAfterMs?: number }
  | { kind: 'timeout'; store?: boolean }
  | { kind: 'malformed'; store?: boolean }
  | { kind: 'auth'; status?: 401 | 403 }
  | { kind: 'version' }
  /** Answer normally but leave these ids out of the result list. */
  | { kind: 'drop-items'; ids: string[] }

export class FakeMediaLibrary implements ImportApi {
  readonly entries = new Map<string, ImportEntry>()
  readonly importFaults: FakeFault[] = []
  readonly lookupFaults: FakeFault[] = []
  readonly requests: string[][] = []
  lookups = 0
  maxBodyBytes = Infinity

  private byExternal = new Map<string, string>()

  seed(entry: ImportEntry): void {
    this.entries.set(entry.id, entry)
    if (entry.systemName && entry.externalId) this.byExternal.set(`${entry.systemName}/${entry.externalId}`, entry.id)
  }

  private throwFor(fault: FakeFault, post: boolean): never {
    switch (fault.kind) {
      case 'server':
        throw new LivingdocsApiError('server', `fake ${fault.status ?? 500}`, {
          status: fault.status ?? 500,
          retryable: true,
          ambiguous: post,
          ...(fault.retryAfterMs !== undefined ? { retryAfterMs: fault.retryAfterMs } : {}),
        })
      case 'rate-limit':
        throw new LivingdocsApiError('rate-limit', 'fake 429', {
          status: 429,
          retryable: true,
          ...(fault.retryAfterMs !== undefined ? { retryAfterMs: fault.retryAfterMs } : {}),
        })
      case 'timeout':
        throw new LivingdocsApiError('timeout', 'fake timeout', { retryable: true, ambiguous: post })
      case 'malformed':
        throw new LivingdocsApiError('malformed', 'fake malformed', { status: 200, retryable: true, ambiguous: post })
      case 'auth':
        throw new LivingdocsApiError('auth', `fake ${fault.status ?? 401}`, { status: fault.status ?? 401 })
      case 'version':
        throw new LivingdocsApiError('version', 'fake 410', { status: 410 })
      case 'drop-items':
        throw new Error('drop-items is not thrown')
    }
  }

  private storeAll(entries: ImportEntry[]): unknown[] {
    return entries.map((entry) => {
      const external = entry.systemName && entry.externalId ? `${entry.systemName}/${entry.externalId}` : undefined
      const fail = (status: number, error: string, message: string, errors?: unknown[]) => ({
        ok: false,
        correlation: `id: ${entry.id}`,
        status,
        error,
        error_details: { message, ...(errors ? { errors } : {}) },
      })
      if (this.entries.has(entry.id)) return fail(409, 'UniqueIdViolation', `id is not unique: '${entry.id}'`)
      if (external && this.byExternal.has(external)) {
        return fail(409, 'UniqueIdViolation', `externalId is not unique: '${entry.externalId}'`)
      }
      const title = entry.metadata.title
      if (title !== undefined && typeof title !== 'string') {
        return fail(400, 'ValidationError', 'Metadata validation failed.', [
          { metadataProperty: 'title', message: "The value of '/title' must be string" },
        ])
      }
      this.seed(entry)
      return { ok: true, status: 200, id: entry.id, record: { ...entry } }
    })
  }

  async importSerialized(entryJson: readonly string[]): Promise<ImportItem[]> {
    await Promise.resolve()
    const entries = entryJson.map((j) => JSON.parse(j) as ImportEntry)
    this.requests.push(entries.map((e) => e.id))
    const bytes = Buffer.byteLength(`{"mediaLibraryEntries":[${entryJson.join(',')}]}`)
    if (bytes > this.maxBodyBytes) throw new LivingdocsApiError('too-large', 'fake 413', { status: 413 })
    const fault = this.importFaults.shift()
    if (fault && fault.kind !== 'drop-items') {
      if ('store' in fault && fault.store) this.storeAll(entries)
      this.throwFor(fault, true)
    }
    let items = this.storeAll(entries)
    if (fault?.kind === 'drop-items') items = items.filter((_, i) => !fault.ids.includes(entries[i]?.id ?? ''))
    return normaliseImportResponse({ results: items }) ?? []
  }

  private lookup(): void {
    this.lookups++
    const fault = this.lookupFaults.shift()
    if (fault) this.throwFor(fault, false)
  }

  async getEntriesByIds(ids: readonly string[]): Promise<LibraryEntry[]> {
    await Promise.resolve()
    this.lookup()
    const found = ids.map((id) => this.entries.get(id)).filter((e) => e !== undefined)
    return normaliseLookupResponse({ results: found }) ?? []
  }

  async findByExternalId(systemName: string, externalId: string): Promise<LibraryEntry[]> {
    await Promise.resolve()
    this.lookup()
    const id = this.byExternal.get(`${systemName}/${externalId}`)
    const entry = id ? this.entries.get(id) : undefined
    return normaliseLookupResponse({ results: entry ? [entry] : [] }) ?? []
  }

  /** Many externalIds in one lookup (counts as one request, like the real batched lookup). */
  async findByExternalIds(systemName: string, externalIds: readonly string[]): Promise<LibraryEntry[]> {
    await Promise.resolve()
    this.lookup()
    const found = externalIds
      .map((externalId) => this.byExternal.get(`${systemName}/${externalId}`))
      .map((id) => (id ? this.entries.get(id) : undefined))
      .filter((e) => e !== undefined)
    return normaliseLookupResponse({ results: found }) ?? []
  }
}
