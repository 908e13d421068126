/**
 * A row's file per language (media types whose asset is translatable): chosen with the system
 * picker (`pickLocaleAsset`), or set from a path the editor picked before (`setLocaleAsset`; the
 * Electron host confines it to picked and dropped paths, core/commands/allowed-paths.ts), probed like a
 * dropped file, and uploaded through the same engine as the row's own file; `clearLocaleAsset`
 * takes it away. The submitted entry carries it as `translations[].asset`.
 */
import { isAbsolute } from 'node:path'
import { z } from 'zod'
import type { SessionEditor } from '../editing/session-editor'
import type { ImportSession } from '../pipeline/import-session'
import { probeLocaleAsset } from '../importer/locale-asset'
import { localeAssetRefusal, localeFileRefusal } from '../importer/locale-asset-rules'
import type { LocaleAsset, Row } from '../model/row'
import { MediaImportError } from './errors'
import type { Handlers } from './handler-types'
import { fileOnly, localeAssetField } from './locale-asset-history'

type LocaleAssetCommand = 'setLocaleAsset' | 'clearLocaleAsset' | 'pickLocaleAsset'

const rowId = z.string().min(1).max(100)
// The same shape the server checks (`^[a-z][a-zA-Z0-9\-]+$`), so a typo fails here with the row named.
const locale = z.string().regex(/^[a-z][a-zA-Z0-9-]+$/, 'a locale such as fr or de-CH')
const path = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'path contains a NUL byte')
  .refine((p) => isAbsolute(p), 'path must be absolute')

export const localeAssetSchemas = {
  setLocaleAsset: z.object({ rowId, locale, path }).strict(),
  clearLocaleAsset: z.object({ rowId, locale }).strict(),
  pickLocaleAsset: z.object({ rowId, locale }).strict(),
}

export function createLocaleAssetHandlers(
  importer: ImportSession | undefined,
  pickPaths: (kind: 'files') => Promise<string[]>,
  editor?: SessionEditor,
): Pick<Handlers, LocaleAssetCommand> {
  // One change at a time: a second choice for the same cell waits until the first has made way.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run)
    queue = next.catch(() => undefined)
    return next
  }

  const open = (): ImportSession => {
    if (importer) return importer
    throw new MediaImportError(
      'not-connected',
      'No Livingdocs project is connected, so files per language cannot be uploaded: choose a profile or use the Sandbox.',
    )
  }

  const allowedRow = (imp: ImportSession, id: string, where: string): Row => {
    const row = imp.session.getRow(id)
    if (!row) throw new MediaImportError('unknown-row', `No row ${id} in this session; reload the grid.`, { rowId: id })
    const why = localeAssetRefusal(imp.project, row, where)
    if (why)
      throw new MediaImportError('locale-asset-refused', why, { rowId: id, field: `translations.${where}.asset` })
    return row
  }

  /** Changes the file and records the change as one undoable step; answers with the history as it now stands. */
  const change = async (imp: ImportSession, row: Row, where: string, asset: LocaleAsset | undefined) => {
    const before = fileOnly(imp.session.getRow(row.rowId)?.localeAssets?.[where])
    await imp.pipeline.changeLocaleAsset(row.rowId, where, asset)
    const after = fileOnly(asset)
    if (before?.path === after?.path && before?.size === after?.size) return editor?.historyState()
    const label = `${asset ? 'choice' : 'removal'} of the ${where} file of ${row.relativePath}`
    editor?.recordSideStep(label, [{ rowId: row.rowId, field: localeAssetField(where), before, after }])
    return editor?.historyState()
  }

  const set = async (id: string, where: string, file: string) => {
    const imp = open()
    const row = allowedRow(imp, id, where)
    const field = `translations.${where}.asset`
    const asset = await probeLocaleAsset(imp.prober, file).catch((err: unknown) => {
      const why = err instanceof Error ? err.message : String(err)
      throw new MediaImportError(
        'locale-asset-unreadable',
        `${row.relativePath}, ${where} file: ${why}. Choose another file.`,
        {
          rowId: id,
          field,
        },
      )
    })
    const misfit = localeFileRefusal(imp.project, row, where, asset)
    if (misfit) throw new MediaImportError('locale-asset-refused', misfit, { rowId: id, field })
    // Probing took a while: the row may have been imported or removed meanwhile.
    allowedRow(imp, id, where)
    const history = await change(imp, row, where, asset)
    return { rowId: id, locale: where, path: asset.path, ...(history ? { history } : {}) }
  }

  return {
    setLocaleAsset: ({ rowId: id, locale: where, path: file }) => serial(() => set(id, where, file)),
    clearLocaleAsset: ({ rowId: id, locale: where }) =>
      serial(async () => {
        const imp = open()
        const row = allowedRow(imp, id, where)
        const history = await change(imp, row, where, undefined)
        return { rowId: id, locale: where, path: null, ...(history ? { history } : {}) }
      }),
    pickLocaleAsset: async ({ rowId: id, locale: where }) => {
      // Refused before the picker opens: choosing a file that cannot be used would waste the editor's time.
      allowedRow(open(), id, where)
      const picked = await pickPaths('files')
      if (picked.length === 0) return { rowId: id, locale: where, path: null }
      if (picked.length > 1) {
        throw new MediaImportError(
          'locale-asset-refused',
          `${picked.length} files were chosen; a row takes one file per language. Choose one file for ${where}.`,
          { rowId: id, field: `translations.${where}.asset` },
        )
      }
      const [only] = picked
      return serial(() => set(id, where, only ?? ''))
    },
  }
}
