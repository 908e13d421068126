/**
 * What a row's file-per-language cell shows and offers: the file's name, where its upload is,
 * what to do when it failed, and why the cell cannot change (an imported row, a media type that
 * keeps one file for all languages). Main decides again on every command; this only keeps the
 * buttons honest. Pure.
 */
import type { ProjectModel, Row } from '../../../src-main/contract'
import { formatUpload } from '../cell-display'

export interface LocaleAssetView {
  /** The chosen file's name; '' when there is none. */
  fileName: string
  /** Waiting, 42%, Uploaded, Failed…; '' when there is no file. */
  state: string
  /** The upload failed: what happened and what to do. */
  problem?: string
  /** Why the file cannot be chosen or cleared here; undefined when it can. */
  locked?: string
  /** False where the media type keeps one file for all languages (the cell shows a dash). */
  applies: boolean
}

const baseName = (path: string): string => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)

export function localeAssetView(row: Row, locale: string, project: ProjectModel | null): LocaleAssetView {
  const asset = row.localeAssets?.[locale]
  const type = project?.mediaTypes.find((t) => t.handle === row.entry?.mediaType)
  const view: LocaleAssetView = {
    fileName: asset ? baseName(asset.path) : '',
    state: asset ? formatUpload(asset.upload) || 'Waiting' : '',
    applies: type?.assetTranslatable === true || asset !== undefined,
  }
  if (asset?.upload?.state === 'failed') {
    const why = asset.upload.error?.message ?? 'the upload failed'
    view.state = 'Failed'
    view.problem = `The ${locale} file ${view.fileName} did not upload: ${why} Choose it again or another file.`
  }
  if (row.status === 'imported') {
    // The documented replaceAsset takes no language (core/importer/locale-asset-rules.ts).
    view.locked = `Imported (media id ${row.result.mediaId}); its ${locale} file can no longer change: Livingdocs' API replaces only an entry's main file.`
  } else if (row.status === 'submitting') {
    view.locked = 'Being sent; wait for the answer.'
  } else if (!type) {
    view.locked = 'Choose the media type first.'
  } else if (!type.assetTranslatable) {
    view.locked = `Media type "${type.label}" keeps one file for all languages.`
  }
  return view
}
