/**
 * Pins a refused entry's server errors to the same field paths client validation uses
 * (`metadata.title`, `translations.fr.metadata.title`, `externalId`, `id`, `systemName`,
 * `asset`, `mediaType`), so the grid marks the cell the editor must fix. Pure.
 * Anything that names no field lands on `entry` (the row as a whole).
 */
import type { FieldIssue } from '../model/row'
import type { ImportItem, ServerFieldError } from '../model/livingdocs'

type ErrorItem = Extract<ImportItem, { outcome: 'error' }>

export function fieldPathOf(error: ServerFieldError): string {
  const { metadataProperty: property, translationLocale: locale } = error
  if (locale && property) return `translations.${locale}.metadata.${property}`
  if (locale) return `translations.${locale}`
  if (property) return `metadata.${property}`
  return 'entry'
}

/** A field named by a whole-entry message, e.g. "An asset with an externalId also requires a systemName". */
function fieldOfMessage(message: string): string {
  if (/requires a systemName/i.test(message)) return 'systemName'
  if (/\bmediaType\b/.test(message)) return 'mediaType'
  if (/\bexternalId\b/.test(message)) return 'externalId'
  if (/\bsystemName\b/.test(message)) return 'systemName'
  if (/\basset\b/i.test(message)) return 'asset'
  if (/\btranslations?\b/i.test(message)) return 'translations'
  if (/\bmetadata\b/i.test(message)) return 'metadata'
  return 'entry'
}

export function serverIssuesFor(item: ErrorItem): FieldIssue[] {
  if (item.reason === 'duplicate-id') {
    return [{ field: 'id', message: `Another library entry already has this id (${item.message})`, source: 'server' }]
  }
  if (item.reason === 'duplicate-external-id') {
    return [
      {
        field: 'externalId',
        message: `The library already holds an entry with this externalId (${item.message})`,
        source: 'server',
      },
    ]
  }
  if (item.errors.length > 0) {
    return item.errors.map((e) => ({ field: fieldPathOf(e), message: e.message, source: 'server' as const }))
  }
  const label = item.status ? `${item.status} ${item.error}` : item.error
  return [{ field: fieldOfMessage(item.message), message: `${item.message} (${label})`, source: 'server' }]
}
