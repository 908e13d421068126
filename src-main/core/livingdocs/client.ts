/**
 * The Livingdocs API client: one per profile (server URL, token, API version). Each call is a
 * single attempt; deciding to retry is the importer's job, because only it knows whether a
 * POST may be repeated. Lookups (`GET`) are safe to repeat and the importer does so.
 * `apiVersion: 'auto'` asks `GET /projectConfig` from the newest candidate version down and keeps
 * the first one the server answers; the config fetched on the way is kept, not fetched twice.
 */
import {
  importAnswerMaxBytes,
  lookupAnswerMaxBytes,
  PATCH_ANSWER_MAX_BYTES,
  PROJECT_CONFIG_MAX_BYTES,
} from './answer-limits'
import {
  importAnswerReader,
  readLookupAnswer,
  readPatchAnswer,
  readProjectConfigAnswer,
  type AnswerReader,
} from './answer-schemas'
import { apiVersionCandidates, apiVersionProblem, OLDEST_API_VERSION } from './api-version'
import { LivingdocsApiError } from './errors'
import { requestJson, type FetchLike } from './http'
import { normaliseImportItem } from './normalise-import'
import { normaliseLookupResponse } from './normalise-lookup'
import { readProjectModel } from '../../../src-shared/project/project-model'
import type { EntryPatchBody, ImportEntry, ImportItem, LibraryEntry, ProjectModel } from '../model/livingdocs'

export interface LivingdocsClientOptions {
  /** Server base URL, e.g. `https://server.livingdocs.io` (no `/api/...`). */
  url: string
  token: string
  apiVersion: 'auto' | string
  /** Per request, for lookups and config; default 30 s. */
  timeoutMs?: number
  /** Per import request; a batch of 100 entries can take the server a while. Default 120 s. */
  importTimeoutMs?: number
  fetch?: FetchLike
  now?: () => Date
  /**
   * Called once per distinct `Warning` header the server sends (deprecations of the API version,
   * which the Livingdocs CLI logs too): the CLI prints it to stderr, the app logs it.
   */
  onWarning?: (warning: string) => void
}

/**
 * The token scopes of the endpoints this client calls (the OpenAPI security of each endpoint in
 * livingdocsIO/documentation; `GET /projectConfig` needs its own scope, not `public-api:read`).
 */
export const SCOPES = {
  config: 'public-api:config:read',
  read: 'public-api:read',
  write: 'public-api:write',
} as const

/** Ids per `GET /mediaLibrary?ids=` request; keeps URLs far below common 8 kB limits. */
export const IDS_PER_LOOKUP = 50

export class LivingdocsClient {
  private readonly base: string
  private version: string | undefined
  private resolving: Promise<string> | undefined
  private configBody: unknown
  private readonly warned = new Set<string>()
  /** The server refused `externalIds=a,b` once (400): ask one externalId per request from then on. */
  private singleExternalIds = false

  constructor(private readonly options: LivingdocsClientOptions) {
    const problem = apiVersionProblem(options.apiVersion)
    if (problem) throw new LivingdocsApiError('version', problem)
    this.base = options.url.replace(/\/+$/, '')
    if (options.apiVersion !== 'auto') this.version = options.apiVersion
  }

  /** The API version in use; undefined until `resolveVersion` ran for `auto`. */
  get apiVersion(): string | undefined {
    return this.version
  }

  async resolveVersion(signal?: AbortSignal): Promise<string> {
    if (this.version) return this.version
    this.resolving ??= this.negotiate(signal).finally(() => {
      this.resolving = undefined
    })
    return this.resolving
  }

  private async negotiate(signal?: AbortSignal): Promise<string> {
    const candidates = apiVersionCandidates((this.options.now ?? (() => new Date()))())
    for (const version of candidates) {
      try {
        this.configBody = await this.getConfig(version, signal)
        this.version = version
        return version
      } catch (err) {
        // 404/410: this server does not offer that version (yet, or any more); try an older one.
        if (err instanceof LivingdocsApiError && err.kind === 'version') continue
        // 403: the route exists, so the version does; only the token lacks the config scope.
        // Keeping the version lets Test connection check the other scopes all the same.
        if (err instanceof LivingdocsApiError && err.status === 403) this.version = version
        throw err
      }
    }
    throw new LivingdocsApiError(
      'version',
      `The server at ${this.base} answered none of the API versions ${candidates[0]} down to ${OLDEST_API_VERSION}, nor v1 (GET /api/<version>/projectConfig gave 404/410). Check the server URL: it is the Livingdocs server host, not the editor.`,
    )
  }

  private url(version: string, path: string): string {
    return `${this.base}/api/${version}/${path}`
  }

  private readonly onWarning = (warning: string): void => {
    if (this.warned.has(warning)) return
    this.warned.add(warning)
    this.options.onWarning?.(warning)
  }

  private get<T>(
    version: string,
    path: string,
    answer: { maxBytes: number; scope: string; read: AnswerReader<T> },
    signal?: AbortSignal,
  ): Promise<T> {
    return requestJson(
      {
        method: 'GET',
        url: this.url(version, path),
        token: this.options.token,
        timeoutMs: this.options.timeoutMs ?? 30_000,
        apiVersion: version,
        maxBytes: answer.maxBytes,
        scope: answer.scope,
        onWarning: this.onWarning,
        ...(signal ? { signal } : {}),
        ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      },
      answer.read,
    )
  }

  private getConfig(version: string, signal?: AbortSignal): Promise<unknown> {
    const answer = { maxBytes: PROJECT_CONFIG_MAX_BYTES, scope: SCOPES.config, read: readProjectConfigAnswer }
    return this.get(version, 'projectConfig', answer, signal)
  }

  /** The raw project config (`GET /api/{v}/projectConfig`). */
  async getProjectConfig(signal?: AbortSignal): Promise<unknown> {
    const version = await this.resolveVersion(signal)
    if (this.configBody === undefined) this.configBody = await this.getConfig(version, signal)
    return this.configBody
  }

  async getProjectModel(signal?: AbortSignal): Promise<ProjectModel> {
    return readProjectModel(await this.getProjectConfig(signal))
  }

  /**
   * `POST /import/mediaLibrary` with entries already serialised (the importer measures batch
   * bytes on exactly these strings). Returns the items in the server's order.
   */
  async importSerialized(entryJson: readonly string[], signal?: AbortSignal): Promise<ImportItem[]> {
    const version = await this.resolveVersion(signal)
    const body = `{"mediaLibraryEntries":[${entryJson.join(',')}]}`
    const list = await requestJson(
      {
        method: 'POST',
        url: this.url(version, 'import/mediaLibrary'),
        token: this.options.token,
        body,
        timeoutMs: this.options.importTimeoutMs ?? 120_000,
        apiVersion: version,
        maxBytes: importAnswerMaxBytes(Buffer.byteLength(body), entryJson.length),
        scope: SCOPES.write,
        onWarning: this.onWarning,
        ...(signal ? { signal } : {}),
        ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      },
      importAnswerReader(entryJson.length),
    )
    return list.map(normaliseImportItem)
  }

  importEntries(entries: readonly ImportEntry[], signal?: AbortSignal): Promise<ImportItem[]> {
    return this.importSerialized(
      entries.map((e) => JSON.stringify(e)),
      signal,
    )
  }

  private async lookup(query: string, expected: number, signal?: AbortSignal): Promise<LibraryEntry[]> {
    const version = await this.resolveVersion(signal)
    const answer = { maxBytes: lookupAnswerMaxBytes(expected), scope: SCOPES.read, read: readLookupAnswer }
    try {
      return normaliseLookupResponse(await this.get(version, `mediaLibrary?${query}`, answer, signal)) ?? []
    } catch (err) {
      // 404 NotFound: the library holds no such entry; that is an answer, not a failure.
      if (err instanceof LivingdocsApiError && err.kind === 'not-found') return []
      throw err
    }
  }

  /** Entries with these ids that exist (`GET /mediaLibrary?ids=`), in chunks of `IDS_PER_LOOKUP`. */
  async getEntriesByIds(ids: readonly string[], signal?: AbortSignal): Promise<LibraryEntry[]> {
    const wanted = new Set(ids)
    const found: LibraryEntry[] = []
    for (let i = 0; i < ids.length; i += IDS_PER_LOOKUP) {
      const chunk = ids.slice(i, i + IDS_PER_LOOKUP)
      const entries = await this.lookup(`ids=${chunk.map(encodeURIComponent).join(',')}`, chunk.length, signal)
      // A server that ignores the filter must not make us believe unrelated entries are ours.
      found.push(...entries.filter((e) => wanted.has(e.id)))
    }
    return found
  }

  /**
   * Entries holding any of these externalIds under `systemName`, many per request: the OpenAPI
   * names the parameter `externalIds` (data/endpoints/get-media-library-entries.yaml), and the
   * `ids` parameter beside it is a comma-separated list. A server that refuses the list (400) is
   * asked one `externalId` per request, as the page documents. Ids holding a comma go alone.
   */
  async findByExternalIds(
    systemName: string,
    externalIds: readonly string[],
    signal?: AbortSignal,
  ): Promise<LibraryEntry[]> {
    const wanted = new Set(externalIds)
    const single = this.singleExternalIds
    const listable = single ? [] : [...wanted].filter((id) => !id.includes(','))
    const alone = single ? [...wanted] : [...wanted].filter((id) => id.includes(','))
    const found: LibraryEntry[] = []
    for (let i = 0; i < listable.length; i += IDS_PER_LOOKUP) {
      const chunk = listable.slice(i, i + IDS_PER_LOOKUP)
      const query = `systemName=${encodeURIComponent(systemName)}&externalIds=${chunk.map(encodeURIComponent).join(',')}`
      try {
        found.push(...(await this.lookup(query, chunk.length, signal)))
      } catch (err) {
        if (!(err instanceof LivingdocsApiError) || err.status !== 400) throw err
        this.singleExternalIds = true
        alone.push(...listable.slice(i))
        break
      }
    }
    for (const externalId of alone) found.push(...(await this.findByExternalId(systemName, externalId, signal)))
    // A server that ignores the filter must not make unrelated entries look like ours.
    return found.filter(
      (e) => e.externalId !== undefined && wanted.has(e.externalId) && (e.systemName ?? systemName) === systemName,
    )
  }

  /** Entries with this `systemName` + `externalId` (normally none or one). */
  async findByExternalId(systemName: string, externalId: string, signal?: AbortSignal): Promise<LibraryEntry[]> {
    const query = `systemName=${encodeURIComponent(systemName)}&externalId=${encodeURIComponent(externalId)}`
    const entries = await this.lookup(query, 1, signal)
    return entries.filter(
      (e) =>
        (e.externalId === undefined || e.externalId === externalId) &&
        (e.systemName === undefined || e.systemName === systemName),
    )
  }

  /**
   * `PATCH /mediaLibrary/{id}` (patch-media-library-entry-2026-01.yaml). One attempt: a 409 means
   * the entry's version moved on; a timeout or 5xx is `ambiguous` (the change may be stored), so the
   * caller looks the entry up before sending again. `preserveUpdatedAt` is sent only from 2026-03.
   */
  async patchEntry(id: string, body: EntryPatchBody, signal?: AbortSignal): Promise<void> {
    const version = await this.resolveVersion(signal)
    const { preserveUpdatedAt, ...rest } = body
    const send = preserveUpdatedAt && supportsPreserveUpdatedAt(version) ? { ...rest, preserveUpdatedAt } : rest
    await requestJson(
      {
        method: 'PATCH',
        url: this.url(version, `mediaLibrary/${encodeURIComponent(id)}`),
        token: this.options.token,
        body: JSON.stringify(send),
        timeoutMs: this.options.timeoutMs ?? 30_000,
        apiVersion: version,
        maxBytes: PATCH_ANSWER_MAX_BYTES,
        scope: SCOPES.write,
        onWarning: this.onWarning,
        ...(signal ? { signal } : {}),
        ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      },
      readPatchAnswer,
    )
  }
}

/** `preserveUpdatedAt` came with 2026-03; `v1` and `beta` are 2025-03. */
export function supportsPreserveUpdatedAt(apiVersion: string): boolean {
  return /^\d{4}-\d{2}$/.test(apiVersion) && apiVersion >= '2026-03'
}
