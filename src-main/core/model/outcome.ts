/** What became of one entry after a submit: the importer's answer per row. */
import type { LibraryEntry } from './livingdocs'
import type { FieldIssue, ImportConflict } from './row'

export type EntryOutcome =
  | {
      id: string
      status: 'imported'
      mediaId: string
      record: Record<string, unknown>
      /** `lookup`: the answer was lost but a lookup found our entry (ambiguous failure, or our own id already taken by us). */
      confirmedBy: 'response' | 'lookup'
    }
  | { id: string; status: 'rejected'; issues: FieldIssue[] }
  | { id: string; status: 'conflict'; conflict: ImportConflict; issues: FieldIssue[] }
  | { id: string; status: 'failed'; reason: string; retryable: boolean }

export function conflictWith(field: ImportConflict['field'], existing: LibraryEntry): ImportConflict {
  return {
    field,
    existing: {
      mediaId: existing.id,
      ...(existing.mediaType ? { mediaType: existing.mediaType } : {}),
      ...(existing.systemName ? { systemName: existing.systemName } : {}),
      ...(existing.externalId ? { externalId: existing.externalId } : {}),
      ...(existing.filename ? { filename: existing.filename } : {}),
      ...(typeof existing.record.createdAt === 'string' ? { createdAt: existing.record.createdAt } : {}),
    },
  }
}
