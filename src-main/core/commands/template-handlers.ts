/**
 * The template commands (core/templates): list, save (a rename is a save with `previousName`),
 * delete, and apply to rows as one undoable step. Templates belong to the profile the open
 * session imports with, so a newsroom's pads do not show on the Sandbox and the other way round.
 */
import { z } from 'zod'
import type { CommandArg, CommandResult } from '../../contract'
import { MAX_EDIT_ROWS } from './edit-schemas'
import type { SessionEditor } from '../editing/session-editor'
import { planTemplate } from '../templates/apply-template'
import { templateName, templateSchema } from '../templates/template-schema'
import { TemplateError, type TemplateStore } from '../templates/template-store'
import { MediaImportError } from './errors'

export const templateSchemas = {
  listTemplates: z.undefined(),
  saveTemplate: z.object({ template: templateSchema, previousName: templateName.optional() }).strict(),
  deleteTemplate: z.object({ name: templateName }).strict(),
  applyTemplate: z
    .object({ name: templateName, rowIds: z.array(z.string().min(1).max(100)).min(1).max(MAX_EDIT_ROWS) })
    .strict(),
}

type TemplateCommand = 'listTemplates' | 'saveTemplate' | 'deleteTemplate' | 'applyTemplate'
export type TemplateHandlers = { [K in TemplateCommand]: (arg: CommandArg<K>) => Promise<CommandResult<K>> }

async function explained<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    if (err instanceof TemplateError) throw new MediaImportError('invalid-template', err.message)
    throw err
  }
}

export function createTemplateHandlers(
  store: TemplateStore,
  profileName: () => string,
  editor: SessionEditor,
): TemplateHandlers {
  return {
    listTemplates: () => store.list(profileName()),
    saveTemplate: ({ template, previousName }) =>
      explained(async () => {
        await store.save(profileName(), template, previousName)
        return store.list(profileName())
      }),
    deleteTemplate: async ({ name }) => {
      await store.remove(profileName(), name)
      return store.list(profileName())
    },
    applyTemplate: async ({ name, rowIds }) => {
      const template = await store.get(profileName(), name)
      if (!template) {
        throw new MediaImportError('invalid-template', `There is no template named "${name}" any more: choose another.`)
      }
      const rows = `${rowIds.length.toLocaleString('en')} row${rowIds.length === 1 ? '' : 's'}`
      return editor.applyPlan((ctx) => planTemplate(ctx, rowIds, template), `template "${name}" on ${rows}`)
    },
  }
}
