/**
 * Turns an answer of `GET /mediaLibrary?ids=` or `?systemName=&externalId=` into entries.
 * Same wrappers as the import (`{results}`, `{mediaLibraryEntries}`, bare array); items may be
 * bare entries or wrapped `{ ok, record }`. A single bare entry is accepted too. Pure.
 */
import { findResultList } from './normalise-import'
import type { LibraryEntry } from '../model/livingdocs'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

export function toLibraryEntry(raw: unknown): LibraryEntry | undefined {
  if (!isObj(raw)) return undefined
  if (raw.ok === false) return undefined
  const record = isObj(raw.record) ? raw.record : raw
  const id = str(record.id)
  if (!id) return undefined
  const asset = isObj(record.asset) ? record.asset : {}
  const entry: LibraryEntry = { id, record }
  const mediaType = str(record.mediaType)
  const systemName = str(record.systemName)
  const externalId = str(record.externalId)
  const assetKey = str(asset.key)
  const filename = str(asset.filename)
  if (mediaType) entry.mediaType = mediaType
  if (systemName) entry.systemName = systemName
  if (externalId) entry.externalId = externalId
  if (assetKey) entry.assetKey = assetKey
  if (filename) entry.filename = filename
  return entry
}

/** Entries of a lookup answer; undefined when the body is not a lookup answer at all. */
export function normaliseLookupResponse(body: unknown): LibraryEntry[] | undefined {
  const list = findResultList(body)
  if (list) return list.map(toLibraryEntry).filter((e): e is LibraryEntry => e !== undefined)
  const single = toLibraryEntry(body)
  return single ? [single] : undefined
}
