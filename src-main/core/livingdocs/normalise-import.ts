/**
 * Turns any known answer of `POST /import/mediaLibrary` into one list of items.
 * Shapes seen in the documentation (docs/reference/livingdocs-api.md §1):
 * - `{ results: [...] }` (2026-01 on), `{ mediaLibraryEntries: [...] }` (2025-11 docs), a bare array
 *   (what the 2026-01 changelog says older versions return);
 * - items `{ ok, status, id, record }` or `{ ok:false, correlation:'id: x', status, error, error_details }`,
 *   and bare entries (the OpenAPI schema's claim);
 * - validation errors as `ValidationError` + `errors[]` (2024-09 on) or the older
 *   `MetadataValidationErrors` + `invalidMetadata[]`.
 * Pure: no I/O, never throws on odd items (they become `unreadable`), only on an unusable body.
 */
import type { ImportFailureReason, ImportItem, ServerFieldError } from '../model/livingdocs'
import { readServerFieldErrors } from './server-field-errors'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

/** The list inside a response body, or undefined when the body holds none. */
export function findResultList(body: unknown): unknown[] | undefined {
  if (Array.isArray(body)) return body
  if (!isObj(body)) return undefined
  if (Array.isArray(body.results)) return body.results
  if (Array.isArray(body.mediaLibraryEntries)) return body.mediaLibraryEntries
  return undefined
}

/** `correlation: "id: custom-1"` names the entry when an error item has no `id`. */
export function idFromCorrelation(correlation: unknown): string | undefined {
  if (typeof correlation !== 'string') return undefined
  const m = /(?:^|[\s,;])id:\s*([A-Za-z0-9-]+)/.exec(correlation)
  return m?.[1]
}

function failureReason(
  error: string,
  message: string,
  status: number,
  errors: ServerFieldError[],
): ImportFailureReason {
  if (error === 'UniqueIdViolation' || (status === 409 && /not unique/i.test(message))) {
    return /externalId/i.test(message) ? 'duplicate-external-id' : 'duplicate-id'
  }
  if (error === 'ValidationError' || error === 'MetadataValidationErrors' || errors.length > 0 || status === 400) {
    return 'validation'
  }
  return 'other'
}

export function normaliseImportItem(raw: unknown): ImportItem {
  if (!isObj(raw)) return { outcome: 'unreadable', raw }
  const record = isObj(raw.record) ? raw.record : undefined
  const id = str(raw.id) ?? str(record?.id) ?? idFromCorrelation(raw.correlation)
  const status = typeof raw.status === 'number' ? raw.status : undefined
  const hasError = raw.ok === false || str(raw.error) !== undefined || (status !== undefined && status >= 400)

  if (!hasError) {
    if (raw.ok === true) return { outcome: 'ok', id, status: status ?? 200, record: record ?? {} }
    // The OpenAPI schema describes items as bare entries: accept one when it looks like an entry.
    if (record) return { outcome: 'ok', id, status: status ?? 200, record }
    if (str(raw.id) && (str(raw.mediaType) || isObj(raw.asset))) return { outcome: 'ok', id, status: 200, record: raw }
    return { outcome: 'unreadable', id, raw }
  }

  const details = isObj(raw.error_details) ? raw.error_details : {}
  const error = str(raw.error) ?? 'Error'
  const message = str(details.message) ?? str(raw.message) ?? error
  const errors = readServerFieldErrors(details)
  const finalStatus = status ?? 400
  return {
    outcome: 'error',
    id,
    status: finalStatus,
    error,
    reason: failureReason(error, message, finalStatus, errors),
    message,
    errors,
  }
}

/** Items of an import answer, in the order the server sent them; undefined when the body holds no list. */
export function normaliseImportResponse(body: unknown): ImportItem[] | undefined {
  const list = findResultList(body)
  return list?.map(normaliseImportItem)
}
