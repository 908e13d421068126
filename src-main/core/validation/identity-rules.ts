/**
 * Rules about who an entry is: the custom id, `systemName`/`externalId`, and uniqueness of both
 * within the session and against the library (ARCHITECTURE.md, "Validation before any request").
 */
import type { FieldIssue, RowEntry } from '../model/row'
import { effectiveSystemName, externalKey, type EntryIndex } from './entry-index'

export const ENTRY_ID_PATTERN = /^[a-zA-Z0-9-]{1,32}$/

const issue = (field: string, message: string): FieldIssue => ({ field, message, source: 'client' })

function idIssues(rowId: string, entry: RowEntry, index: EntryIndex): FieldIssue[] {
  const { id } = entry
  if (!id) return [issue('id', 'The entry id is empty: give it 1–32 characters of a–z, A–Z, 0–9 and "-".')]
  if (!ENTRY_ID_PATTERN.test(id)) {
    const bad = [...new Set(id.replace(/[a-zA-Z0-9-]/g, ''))].join('')
    const why =
      id.length > 32 ? `it has ${id.length} characters, at most 32 are allowed` : `it contains ${JSON.stringify(bad)}`
    return [issue('id', `The entry id may only use a–z, A–Z, 0–9 and "-" (1–32 characters): ${why}.`)]
  }
  const others = (index.ids.get(id) ?? []).filter((r) => r !== rowId)
  if (others.length > 0) {
    return [
      issue(
        'id',
        `Entry id "${id}" is also used by ${others.length} other row(s) in this session: ids must be unique.`,
      ),
    ]
  }
  return []
}

function externalIssues(rowId: string, entry: RowEntry, index: EntryIndex, defaultSystemName?: string): FieldIssue[] {
  const externalId = entry.externalId
  if (externalId === undefined || externalId.trim() === '') return []
  const systemName = effectiveSystemName(entry, defaultSystemName)
  if (!systemName) {
    return [
      issue('systemName', 'An entry with an externalId also needs a systemName (set it on the row or in the profile).'),
    ]
  }
  const key = externalKey(systemName, externalId)
  const others = (index.externalIds.get(key) ?? []).filter((r) => r !== rowId)
  if (others.length > 0) {
    return [
      issue(
        'externalId',
        `externalId "${externalId}" (systemName "${systemName}") is also used by ${others.length} other row(s): it must be unique.`,
      ),
    ]
  }
  const existing = index.library.get(key)
  if (existing && existing.id !== entry.id) {
    return [
      issue(
        'externalId',
        `The library already holds entry ${existing.id} with externalId "${externalId}" (systemName "${systemName}"): link this row to it or change the externalId.`,
      ),
    ]
  }
  return []
}

export function identityIssues(
  rowId: string,
  entry: RowEntry,
  index: EntryIndex,
  defaultSystemName?: string,
): FieldIssue[] {
  return [...idIssues(rowId, entry, index), ...externalIssues(rowId, entry, index, defaultSystemName)]
}
