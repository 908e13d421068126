/**
 * The Livingdocs emulator of the Sandbox: a real HTTP server that answers the Media Library part of
 * the Public API the way docs/reference/livingdocs-api.md describes it. The app runs against it when no
 * server is configured, and every import test runs against it.
 */
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { ALL_SCOPES, READ_SCOPES, type TokenGrant } from './auth'
import { FaultQueue, RequestCounter } from './faults'
import { checkProjectConfig, loadSampleProjectConfig } from './project-config'
import { createEmulatorServer } from './server'
import { StateStore } from './state-store'
import type { LegacyShape, MediaLibraryEntry, ProjectConfig } from './types'

export type * from './types'
export type { Scope, TokenGrant } from './auth'
export type { Fault, FaultAction, FaultMatch } from './faults'
export { FaultQueue, RequestCounter } from './faults'
export { STATE_FILE_NAME } from './state-store'
export { DATE_VERSIONS } from './versions'

export interface EmulatorOptions {
  /** State is kept in `<dataDir>/livingdocs-state.json`. */
  dataDir: string
  /** Default '127.0.0.1'. */
  host?: string
  /** Default 0: a free port. */
  port?: number
  /** Full token (public-api:config:read, public-api:read, public-api:write); default random. */
  token?: string
  /** Read-only token (public-api:config:read + public-api:read: 403 on imports); default random. */
  readOnlyToken?: string
  /** More tokens with exactly these scopes, e.g. one that lacks public-api:config:read. */
  extraTokens?: TokenGrant[]
  /** Default: resources/sandbox/project-config.json. */
  projectConfig?: ProjectConfig
  /** Default 500 KiB, Livingdocs' default maxRequestBodySize '500kb'. */
  maxBodyBytes?: number
  /** How versions <= 2025-11 wrap lists; default 'wrapped' ({ mediaLibraryEntries }). */
  legacyShape?: LegacyShape
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:PORT (the API is under /api/{version}/…). */
  url: string
  token: string
  readOnlyToken: string
  /** What the library holds now. */
  entries(): MediaLibraryEntry[]
  /** One-shot faults for the next matching requests. */
  faults: FaultQueue
  /** Requests seen by route, e.g. count('POST import/mediaLibrary'). */
  requests: RequestCounter
  /** Switches how <= 2025-11 answers lists, for tests of both documented shapes. */
  setLegacyShape(shape: LegacyShape): void
  close(): Promise<void>
}

export const DEFAULT_MAX_BODY_BYTES = 500 * 1024

const randomToken = (): string => randomBytes(24).toString('base64url')

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const config = options.projectConfig ? checkProjectConfig(options.projectConfig) : loadSampleProjectConfig()
  const store = await StateStore.open(options.dataDir)
  const write = options.token ?? randomToken()
  const readOnly = options.readOnlyToken ?? randomToken()
  const tokens: TokenGrant[] = [
    { token: write, scopes: ALL_SCOPES },
    { token: readOnly, scopes: READ_SCOPES },
    ...(options.extraTokens ?? []),
  ]
  if (new Set(tokens.map((t) => t.token)).size !== tokens.length) throw new Error('every token must differ')
  const faults = new FaultQueue()
  const requests = new RequestCounter()
  const settings = { legacyShape: options.legacyShape ?? 'wrapped' }
  const closing = new AbortController()
  const server = createEmulatorServer({
    store,
    config,
    tokens,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    faults,
    requests,
    settings,
    closing: closing.signal,
  })

  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const urlHost = host.includes(':') ? `[${host}]` : host

  return {
    url: `http://${urlHost}:${port}`,
    token: write,
    readOnlyToken: readOnly,
    entries: () => structuredClone(store.all()),
    faults,
    requests,
    setLegacyShape: (shape) => {
      settings.legacyShape = shape
    },
    close: async () => {
      closing.abort()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
      await store.flushed()
    },
  }
}
