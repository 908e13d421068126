/**
 * A row's file per language in the undo history: `translations.<locale>.asset` as a side field of
 * the session editor. Undo puts the file before back (or clears it), redo the file after; the
 * value kept is the probed file without its upload state, so a file put back uploads again (an
 * unchanged file the bucket already holds is not sent twice: the engine's journal knows it).
 */
import type { SideFields } from '../editing/session-editor'
import type { ImportSession } from '../pipeline/import-session'
import { localeAssetRefusal } from '../importer/locale-asset-rules'
import type { LocaleAsset, Row } from '../model/row'

const FIELD = /^translations\.([a-z][a-zA-Z0-9-]+)\.asset$/

export const localeAssetField = (locale: string): string => `translations.${locale}.asset`

const localeOf = (field: string): string => FIELD.exec(field)?.[1] ?? ''

/** The file as the history keeps it: without the upload, which belongs to one attempt. */
export function fileOnly(asset: LocaleAsset | undefined): Omit<LocaleAsset, 'upload'> | undefined {
  if (!asset) return undefined
  const { upload: _upload, ...file } = asset
  return file
}

export function localeAssetFields(importer: ImportSession): SideFields {
  return {
    owns: (field) => FIELD.test(field),
    read: (row: Row, field) => fileOnly(row.localeAssets?.[localeOf(field)]),
    refusal: (row, field) => localeAssetRefusal(importer.project, row, localeOf(field)),
    write: (rowId, field, value) => {
      // The row changes once the engine has let go of the old file; only a removed row can fail here.
      void importer.pipeline
        .changeLocaleAsset(rowId, localeOf(field), (value as LocaleAsset | undefined) ?? undefined)
        .catch(() => undefined)
    },
  }
}
