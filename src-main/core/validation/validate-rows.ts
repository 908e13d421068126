/** Validates every row of a session in one pass, building the uniqueness index once. */
import type { LibraryEntry, ProjectModel } from '../model/livingdocs'
import type { FieldIssue } from '../model/row'
import { buildEntryIndex } from './entry-index'
import { validateEntry, type ValidationInput, type ValidationOptions } from './validate-entry'

export function validateRows(
  model: ProjectModel,
  inputs: readonly ValidationInput[],
  options: ValidationOptions & { library?: readonly LibraryEntry[] } = {},
): Map<string, FieldIssue[]> {
  const index = buildEntryIndex(inputs, options)
  const out = new Map<string, FieldIssue[]>()
  for (const input of inputs) out.set(input.rowId, validateEntry(model, input, index, options))
  return out
}
