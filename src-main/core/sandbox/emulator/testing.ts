/**
 * Helpers for tests that run against the emulator (its own and its clients'): a started emulator in
 * a fresh temp folder that removes itself, valid sample entries per media type, and small fetch
 * wrappers. Used by tests only; kept free of test-runner imports so any runner can use it.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EmulatorOptions, RunningEmulator } from './index'
import { startEmulator } from './index'

export interface TestEmulator extends RunningEmulator {
  dataDir: string
  /** Closes the server and deletes the data folder (unless `keepData`). */
  dispose(options?: { keepData?: boolean }): Promise<void>
}

export async function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'ld-emulator-')))
  const emulator = await startEmulator({ ...options, dataDir })
  return Object.assign(emulator, {
    dataDir,
    dispose: async ({ keepData = false } = {}) => {
      await emulator.close()
      if (!keepData) await rm(dataDir, { recursive: true, force: true })
    },
  })
}

const IMAGE_BASE = 'https://images.example.test'

export function imageAsset(name = 'photo'): Record<string, unknown> {
  const key = `2026/11/26/${name}.jpeg`
  return {
    key,
    url: `${IMAGE_BASE}/${key}`,
    size: 34910,
    width: 640,
    height: 427,
    mimeType: 'image/jpeg',
    filename: `${name}.jpeg`,
  }
}

export function videoAsset(name = 'clip'): Record<string, unknown> {
  const key = `2026/11/26/${name}.mp4`
  return {
    key,
    url: `https://videos.example.test/${key}`,
    size: 8633462,
    width: 1280,
    height: 720,
    duration: 35.241667,
    mimeType: 'video/mp4',
    filename: `${name}.mp4`,
  }
}

export function fileAsset(name = 'doc'): Record<string, unknown> {
  const key = `2026/11/26/${name}.pdf`
  return {
    key,
    url: `https://files.example.test/${key}`,
    size: 3028,
    mimeType: 'application/pdf',
    filename: `${name}.pdf`,
  }
}

export function imageEntry(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, mediaType: 'image', asset: imageAsset(id), metadata: { title: `Title of ${id}` }, ...overrides }
}

export function videoEntry(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, mediaType: 'video', asset: videoAsset(id), metadata: { title: `Video ${id}` }, ...overrides }
}

export function fileEntry(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, mediaType: 'file', asset: fileAsset(id), metadata: { title: `File ${id}` }, ...overrides }
}

export interface CallOptions {
  version?: string
  /** Default: the emulator's full token; `null` sends no Authorization header. */
  token?: string | null
  headers?: Record<string, string>
}

export async function call(
  emulator: RunningEmulator,
  method: string,
  path: string,
  body?: string,
  options: CallOptions = {},
): Promise<Response> {
  const token = options.token === undefined ? emulator.token : options.token
  const headers: Record<string, string> = { ...(body === undefined ? {} : { 'content-type': 'application/json' }) }
  if (token !== null) headers.authorization = `Bearer ${token}`
  return fetch(`${emulator.url}/api/${options.version ?? '2026-07'}/${path}`, {
    method,
    headers: { ...headers, ...options.headers },
    ...(body === undefined ? {} : { body }),
  })
}

/** POST /import/mediaLibrary with `{ mediaLibraryEntries }`, answering status and parsed body. */
export async function postImport(
  emulator: RunningEmulator,
  entries: unknown[],
  options: CallOptions = {},
): Promise<{ status: number; body: unknown }> {
  const res = await call(
    emulator,
    'POST',
    'import/mediaLibrary',
    JSON.stringify({ mediaLibraryEntries: entries }),
    options,
  )
  return { status: res.status, body: await res.json() }
}

/** The `results` of a >= 2026-01 import answer, typed loosely for assertions. */
export async function importResults(
  emulator: RunningEmulator,
  entries: unknown[],
  options: CallOptions = {},
): Promise<Record<string, unknown>[]> {
  const { status, body } = await postImport(emulator, entries, options)
  if (status !== 200) throw new Error(`import answered ${status}: ${JSON.stringify(body)}`)
  return (body as { results: Record<string, unknown>[] }).results
}
