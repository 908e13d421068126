/**
 * The importer as the app and the CLI call it, row by row: pre-flight lookup of externalIds,
 * client validation (rows with issues are held back and say why; rows whose externalId the
 * library holds become conflicts naming that entry), entry building, the submit loop, and one
 * outcome per row. Rows are passed as validation inputs (entry + uploaded asset), so this works
 * on whatever the session keeps for a row.
 */
import { buildImportEntry } from '../livingdocs/entry-builder'
import { findMediaType } from '../../../src-shared/project/project-model'
import type { ImportEntry, LibraryEntry, ProjectModel } from '../model/livingdocs'
import type { FieldIssue } from '../model/row'
import { effectiveSystemName, externalKey } from '../validation/entry-index'
import type { ValidationInput } from '../validation/validate-entry'
import { validateRows } from '../validation/validate-rows'
import type { ImportApi } from './lookups'
import { conflictWith, type EntryOutcome } from '../model/outcome'
import { preflightLookup } from './preflight'
import { submitEntries, type SubmitOptions, type SubmitSummary } from './submit'

export interface PreparedSubmission {
  ready: { rowId: string; entry: ImportEntry }[]
  /** Rows not sent, with their client issues (status unchanged: the editor fixes and submits again). */
  heldBack: Map<string, FieldIssue[]>
  /** Rows whose systemName+externalId the library already holds under another id. */
  conflicts: Map<string, EntryOutcome & { status: 'conflict' }>
}

/** The entry as sent: the editor's externalId, else the row's content identity (with a systemName). */
export function withContentId(
  entry: ValidationInput['entry'],
  contentId: string | undefined,
  defaultSystemName?: string,
): ValidationInput['entry'] {
  if (entry.externalId?.trim() || !contentId || !effectiveSystemName(entry, defaultSystemName)) return entry
  return { ...entry, externalId: contentId }
}

/** Pure: which rows can go, which are held back and why. */
export function prepareSubmission(
  model: ProjectModel,
  inputs: readonly ValidationInput[],
  options: { defaultSystemName?: string; library?: readonly LibraryEntry[] } = {},
): PreparedSubmission {
  const issues = validateRows(model, inputs, options)
  const library = new Map((options.library ?? []).map((e) => [externalKey(e.systemName ?? '', e.externalId ?? ''), e]))
  const out: PreparedSubmission = { ready: [], heldBack: new Map(), conflicts: new Map() }
  for (const validated of inputs) {
    const list = issues.get(validated.rowId) ?? []
    const input = {
      ...validated,
      entry: withContentId(validated.entry, validated.contentId, options.defaultSystemName),
    }
    const systemName = effectiveSystemName(input.entry, options.defaultSystemName)
    const holder =
      systemName && input.entry.externalId ? library.get(externalKey(systemName, input.entry.externalId)) : undefined
    if (holder && holder.id !== input.entry.id) {
      out.conflicts.set(input.rowId, {
        id: input.entry.id,
        status: 'conflict',
        conflict: conflictWith('externalId', holder),
        issues: list,
      })
      continue
    }
    const type = findMediaType(model, input.entry.mediaType)
    if (list.length > 0 || !type) {
      out.heldBack.set(input.rowId, list)
      continue
    }
    out.ready.push({ rowId: input.rowId, entry: buildImportEntry(input, type.kind, options.defaultSystemName) })
  }
  return out
}

export interface ImportRowsOptions extends Omit<SubmitOptions, 'api' | 'entries' | 'onAttempt' | 'onOutcome'> {
  defaultSystemName?: string
  /** Ask the library for each externalId before sending (default true). */
  preflight?: boolean
  /** Right before a row's entry is sent (its entry id is fixed from now on). */
  onRowAttempt?: (rowIds: readonly string[]) => void
  onRowOutcome?: (rowId: string, outcome: EntryOutcome) => void
}

export interface ImportRowsResult {
  prepared: PreparedSubmission
  summary: SubmitSummary
  /** rowId -> outcome, for every row that was sent or found in conflict. */
  outcomes: Map<string, EntryOutcome>
}

export async function importRows(
  api: ImportApi,
  model: ProjectModel,
  inputs: readonly ValidationInput[],
  options: ImportRowsOptions = {},
): Promise<ImportRowsResult> {
  const { defaultSystemName, preflight = true, onRowAttempt, onRowOutcome, ...submitOptions } = options
  const library = preflight
    ? await preflightLookup(
        api,
        inputs.map((i) => withContentId(i.entry, i.contentId, defaultSystemName)),
        { ...(defaultSystemName ? { defaultSystemName } : {}), ...(options.signal ? { signal: options.signal } : {}) },
      )
    : []
  const prepared = prepareSubmission(model, inputs, { ...(defaultSystemName ? { defaultSystemName } : {}), library })
  const outcomes = new Map<string, EntryOutcome>()
  for (const [rowId, outcome] of prepared.conflicts) {
    outcomes.set(rowId, outcome)
    onRowOutcome?.(rowId, outcome)
  }
  const rowOf = new Map(prepared.ready.map((r) => [r.entry.id, r.rowId]))
  const summary = await submitEntries({
    ...submitOptions,
    api,
    entries: prepared.ready.map((r) => r.entry),
    onAttempt: (ids) => onRowAttempt?.(ids.map((id) => rowOf.get(id) ?? id)),
    onOutcome: (outcome) => {
      const rowId = rowOf.get(outcome.id) ?? outcome.id
      outcomes.set(rowId, outcome)
      onRowOutcome?.(rowId, outcome)
    },
  })
  return { prepared, summary, outcomes }
}
