/**
 * `POST /import/mediaLibrary`: the request body as a whole, then each entry on its own. Entries are
 * stored one by one in request order, so an entry sees the ones before it in the same batch (a
 * repeated id or systemName+externalId is a 409), and a failing entry doesn't stop the others.
 */
import { randomBytes } from 'node:crypto'
import { validateEntry } from './entry-validation'
import type { ValidEntry } from './entry-validation'
import type { StateStore } from './state-store'
import type { ImportResultItem, MediaLibraryEntry, ProjectConfig } from './types'

export type ParsedImport = { ok: true; entries: Record<string, unknown>[] } | { ok: false; message: string }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export function parseImportBody(text: string): ParsedImport {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (err) {
    return { ok: false, message: `The request body is not valid JSON: ${(err as Error).message}` }
  }
  if (!isObject(body) || !Array.isArray(body.mediaLibraryEntries)) {
    return { ok: false, message: 'The request body must be an object { "mediaLibraryEntries": [ ... ] }' }
  }
  const extra = Object.keys(body).find((key) => key !== 'mediaLibraryEntries')
  if (extra !== undefined) return { ok: false, message: `${extra} is not allowed next to mediaLibraryEntries` }
  const badIndex = body.mediaLibraryEntries.findIndex((entry) => !isObject(entry))
  if (badIndex >= 0) return { ok: false, message: `mediaLibraryEntries[${badIndex}] must be an object` }
  return { ok: true, entries: body.mediaLibraryEntries as Record<string, unknown>[] }
}

export interface BatchOutcome {
  results: ImportResultItem[]
  stored: number
}

export function importBatch(
  entries: Record<string, unknown>[],
  store: StateStore,
  config: ProjectConfig,
  now = new Date(),
): BatchOutcome {
  let stored = 0
  const results = entries.map((raw, index): ImportResultItem => {
    // The docs show "id: <id>"; without an id there is nothing better to name than the position.
    const correlation = raw.id === undefined ? `index: ${index}` : `id: ${String(raw.id)}`
    const verdict = validateEntry(raw, config)
    if (!verdict.ok) {
      const error_details = verdict.errors
        ? { message: verdict.message, errors: verdict.errors }
        : { message: verdict.message }
      return { ok: false, correlation, status: 400, error: 'ValidationError', error_details }
    }
    const { entry } = verdict
    if (entry.id !== undefined && store.get(entry.id)) {
      return conflict(correlation, `id is not unique: '${entry.id}'`)
    }
    if (entry.systemName !== undefined && entry.externalId !== undefined) {
      if (store.hasExternal(entry.systemName, entry.externalId)) {
        return conflict(correlation, `externalId is not unique: '${entry.externalId}'`)
      }
    }
    const record = toRecord(entry, entry.id ?? freshId(store), now)
    store.add(record)
    stored += 1
    return { ok: true, status: 200, id: record.id, record: structuredClone(record) }
  })
  return { results, stored }
}

function conflict(correlation: string, message: string): ImportResultItem {
  return { ok: false, correlation, status: 409, error: 'UniqueIdViolation', error_details: { message } }
}

function toRecord(entry: ValidEntry, id: string, now: Date): MediaLibraryEntry {
  const record: MediaLibraryEntry = {
    id,
    version: 1,
    mediaType: entry.mediaType.handle,
    asset: structuredClone(entry.asset),
    metadata: structuredClone(entry.metadata),
    translations: structuredClone(entry.translations),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  }
  if (entry.systemName !== undefined) record.systemName = entry.systemName
  if (entry.externalId !== undefined) record.externalId = entry.externalId
  return record
}

/** A random id in the custom-id alphabet, like the server's generated ones. */
function freshId(store: StateStore): string {
  for (;;) {
    const id = randomBytes(9).toString('base64url').replace(/_/g, 'x')
    if (!store.get(id)) return id
  }
}
