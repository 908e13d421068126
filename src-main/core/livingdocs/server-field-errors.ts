/**
 * Field errors inside `error_details`. The current form is `errors: [{ metadataProperty,
 * translationLocale?, message }]`; before release-2024-09 it was `invalidMetadata: [...]` whose
 * items are not documented, so several likely spellings are read (a property name, or a JSON
 * pointer such as `/title` in the item or in the message "The value of '/title' should be string").
 * A `ValidationError` about one field may also carry `metadataProperty` / `translationLocale` at
 * the top level of `error_details` (the single-error form, release-2024-09) instead of `errors[]`.
 */
import type { ServerFieldError } from '../model/livingdocs'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

/** First segment of a JSON pointer or dotted path: `/crops/0/x` -> `crops`. */
export function propertyFromPath(path: string): string | undefined {
  const first = path.replace(/^[/.]+/, '').split(/[/.[]/)[0]
  return first === undefined || first === '' ? undefined : first
}

function propertyOf(item: Obj, message: string): string | undefined {
  const named = str(item.metadataProperty) ?? str(item.property) ?? str(item.propertyName) ?? str(item.handle)
  if (named) return propertyFromPath(named)
  const pointer = str(item.instancePath) ?? str(item.dataPath) ?? str(item.path)
  if (pointer) return propertyFromPath(pointer)
  const quoted = /'(\/[^']+)'/.exec(message)
  return quoted?.[1] ? propertyFromPath(quoted[1]) : undefined
}

function readOne(item: unknown): ServerFieldError | undefined {
  if (typeof item === 'string') {
    const property = propertyOf({}, item)
    return property ? { metadataProperty: property, message: item } : { message: item }
  }
  if (!isObj(item)) return undefined
  const message = str(item.message) ?? 'is invalid'
  const metadataProperty = propertyOf(item, message)
  const translationLocale = str(item.translationLocale) ?? str(item.locale)
  return {
    ...(metadataProperty ? { metadataProperty } : {}),
    ...(translationLocale ? { translationLocale } : {}),
    message,
  }
}

export function readServerFieldErrors(details: Obj): ServerFieldError[] {
  const list = Array.isArray(details.errors)
    ? details.errors
    : Array.isArray(details.invalidMetadata)
      ? details.invalidMetadata
      : []
  const errors = list.map(readOne).filter((e): e is ServerFieldError => e !== undefined)
  if (errors.length === 0 && (str(details.metadataProperty) || str(details.translationLocale))) {
    const single = readOne({
      metadataProperty: details.metadataProperty,
      translationLocale: details.translationLocale,
      message: details.message,
    })
    if (single) errors.push(single)
  }
  return errors
}
