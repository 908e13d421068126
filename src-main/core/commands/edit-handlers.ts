/**
 * The editing commands over the session: the editor (core/editing) plans and applies, this file
 * only turns a planning mistake (an unknown column, a broken pattern, an unknown variable) into
 * an `invalid-argument` error that says what to fix.
 */
import type { CommandArg, CommandResult } from '../../contract'
import { PlanError } from '../editing/plan-edits'
import type { SessionEditor } from '../editing/session-editor'
import type { ProjectModel } from '../model/livingdocs'
import { MediaImportError } from './errors'

type EditCommand =
  | 'getProject'
  | 'editCells'
  | 'bulkEdit'
  | 'fillDown'
  | 'pasteCells'
  | 'findReplace'
  | 'undo'
  | 'redo'
  | 'getEditHistory'

export type EditHandlers = { [K in EditCommand]: (arg: CommandArg<K>) => Promise<CommandResult<K>> }

function explained<T>(run: () => T): Promise<T> {
  try {
    return Promise.resolve(run())
  } catch (err) {
    if (err instanceof PlanError) return Promise.reject(new MediaImportError('invalid-argument', err.message))
    return Promise.reject(err instanceof Error ? err : new Error(String(err)))
  }
}

export function createEditHandlers(editor: SessionEditor, project: () => ProjectModel | undefined): EditHandlers {
  return {
    getProject: async () => project() ?? null,
    editCells: ({ edits }) => explained(() => editor.editCells(edits)),
    bulkEdit: ({ rowIds, field, mode, value }) => explained(() => editor.bulkEdit(rowIds, field, mode, value)),
    fillDown: ({ rowIds, fields }) => explained(() => editor.fillDown(rowIds, fields)),
    pasteCells: ({ rowIds, fields, text }) => explained(() => editor.paste(rowIds, fields, text)),
    findReplace: ({ rowIds, fields, preview, ...options }) =>
      explained(() => editor.findReplace(rowIds, fields, options, preview)),
    undo: () => explained(() => editor.undo()),
    redo: () => explained(() => editor.redo()),
    getEditHistory: async () => editor.historyState(),
  }
}
