/**
 * Whether a row may take (or drop) a file for one language, in words that say why not and what to
 * do: the row is not imported or being sent, its media type has a translatable asset
 * (`asset.translatable` in the project config), the locale is one of the project's languages, and
 * the file is of the kind the media type stores (an image row takes an image). Pure.
 */
import { findMediaType } from '../../../src-shared/project/project-model'
import type { ProjectModel } from '../model/livingdocs'
import type { MediaKind, Row } from '../model/row'

const fileName = (path: string): string => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)

const article = (kind: MediaKind): string => (kind === 'image' ? 'an image' : `a ${kind}`)

/** Why the row's file for `locale` cannot change now; undefined when it can. */
export function localeAssetRefusal(project: ProjectModel | undefined, row: Row, locale: string): string | undefined {
  const name = row.relativePath
  if (row.status === 'imported') {
    const mediaId = row.result.mediaId
    // PATCH's replaceAsset replaces the entry's main asset and takes no locale (the docs give
    // `locale` to removeAsset only), so no documented operation replaces one language's file.
    return `${name} is already imported (media id ${mediaId}); its ${locale} file can no longer change: Livingdocs' API replaces only an entry's main file (replaceAsset takes no language). Change it in Livingdocs.`
  }
  if (row.status === 'submitting')
    return `${name} is being sent right now; wait for the answer, then choose its ${locale} file.`
  if (!row.entry) return `${name} has no entry (it is skipped); include it before choosing a file per language.`
  if (!project) {
    return 'No Livingdocs project is connected, so its languages are not known: choose a profile or use the Sandbox.'
  }
  const type = findMediaType(project, row.entry.mediaType)
  if (!type) {
    return row.entry.mediaType
      ? `${name}: media type "${row.entry.mediaType}" is not in this project; choose one first.`
      : `${name} has no media type yet; choose one first.`
  }
  if (!type.assetTranslatable) {
    return `Media type "${type.label}" keeps one file for all languages (its asset is not translatable in the project config), so ${name} cannot have a ${locale} file.`
  }
  if (!project.languages.locales.includes(locale)) {
    const choices = project.languages.locales
    return `"${locale}" is not a language of this project: ${choices.length > 0 ? `use one of ${choices.join(', ')}` : 'it has no languages configured'}.`
  }
  return undefined
}

/** Why this probed file cannot be the row's file in a language; undefined when it fits. */
export function localeFileRefusal(
  project: ProjectModel | undefined,
  row: Row,
  locale: string,
  file: { path: string; kind: MediaKind },
): string | undefined {
  const type = project ? findMediaType(project, row.entry?.mediaType) : undefined
  // A file media type stores any file; images and videos need their own kind.
  if (!type || type.kind === 'file' || type.kind === file.kind) return undefined
  return `${fileName(file.path)} is ${article(file.kind)}; ${row.relativePath} is of media type "${type.label}", which takes ${article(type.kind)} for its ${locale} file. Choose ${article(type.kind)} file.`
}
