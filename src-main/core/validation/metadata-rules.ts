/**
 * Metadata of the entry and of each translation, checked against the media type's properties:
 * known handles only, `required` on the main metadata, plugin value formats, translation
 * locales from the project's languages and only translatable properties translated.
 */
import { isEmptyValue, type EntryDraft } from '../livingdocs/entry-builder'
import type { MediaTypeModel, ProjectModel, PropertyModel } from '../model/livingdocs'
import type { FieldIssue } from '../model/row'
import { assetProblems } from './asset-rules'
import { checkPropertyValue } from './plugin-values'

const issue = (field: string, message: string): FieldIssue => ({ field, message, source: 'client' })
const LOCALE = /^[a-z][a-zA-Z0-9-]+$/

function valueIssues(
  locales: readonly string[],
  type: MediaTypeModel,
  byHandle: Map<string, PropertyModel>,
  metadata: Record<string, unknown>,
  prefix: string,
  translated: boolean,
): FieldIssue[] {
  const issues: FieldIssue[] = []
  for (const [handle, value] of Object.entries(metadata)) {
    if (isEmptyValue(value)) continue
    const field = `${prefix}metadata.${handle}`
    const property = byHandle.get(handle)
    if (!property) {
      issues.push(issue(field, `Media type "${type.handle}" has no metadata property "${handle}".`))
      continue
    }
    if (translated && !property.translatable) {
      issues.push(issue(field, `"${property.label}" is not translatable in media type "${type.handle}".`))
      continue
    }
    for (const problem of checkPropertyValue(property, value, { locales }))
      issues.push(issue(field, `${property.label} ${problem}.`))
  }
  return issues
}

export function metadataIssues(model: ProjectModel, type: MediaTypeModel, draft: EntryDraft): FieldIssue[] {
  const byHandle = new Map(type.properties.map((p) => [p.handle, p]))
  const { entry } = draft
  const known = model.languages.locales
  const issues = valueIssues(known, type, byHandle, entry.metadata, '', false)
  for (const property of type.properties) {
    if (property.required && isEmptyValue(entry.metadata[property.handle])) {
      issues.push(issue(`metadata.${property.handle}`, property.requiredMessage ?? `${property.label} is required.`))
    }
  }

  const locales = new Set([...Object.keys(entry.translations), ...Object.keys(draft.translationAssets ?? {})])
  for (const locale of locales) {
    const prefix = `translations.${locale}.`
    const translation = entry.translations[locale]
    const asset = draft.translationAssets?.[locale]
    const hasContent = asset !== undefined || Object.values(translation?.metadata ?? {}).some((v) => !isEmptyValue(v))
    if (!hasContent) continue
    if (!LOCALE.test(locale) || !known.includes(locale)) {
      const choices = known.length > 0 ? `use one of ${known.join(', ')}` : 'this project has no languages configured'
      issues.push(issue(`translations.${locale}`, `"${locale}" is not a language of this project: ${choices}.`))
      continue
    }
    if (!type.translationsEnabled) {
      const why = `Media type "${type.handle}" has no metadata translations (it lacks a li-metadata-translations property).`
      issues.push(issue(`translations.${locale}`, why))
      continue
    }
    issues.push(...valueIssues(known, type, byHandle, translation?.metadata ?? {}, prefix, true))
    if (asset !== undefined) {
      if (!type.assetTranslatable) {
        issues.push(issue(`${prefix}asset`, `Media type "${type.handle}" has no per-language assets.`))
      } else {
        const failure = draft.uploadFailures?.translations?.[locale]
        for (const problem of assetProblems(asset, type.kind, failure)) issues.push(issue(`${prefix}asset`, problem))
      }
    }
  }
  return issues
}
