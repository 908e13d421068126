/**
 * The shapes of the Livingdocs answers the client reads, checked with zod before anything
 * trusts them (as IPC payloads are). The schemas ask for what the readers use, in the types
 * the API documents (`data/endpoints/*.yaml` in livingdocsIO/documentation), and let every other field
 * through, so a newer server that adds fields still passes. A wrong shape becomes one sentence
 * naming the first fields that are wrong; http.ts turns it into a `bad-answer` error that names
 * the endpoint and the status.
 */
import { z } from 'zod'
import { findResultList } from './normalise-import'

/** What a reader makes of a parsed body: the value, or what is wrong with it. */
export type AnswerCheck<T> = { ok: true; value: T } | { ok: false; problem: string }
export type AnswerReader<T> = (body: unknown) => AnswerCheck<T>

const anyObject = z.looseObject({})

const property = z.looseObject({
  handle: z.string(),
  type: z.string(),
  config: anyObject.nullish(),
  ui: anyObject.nullish(),
})

const mediaType = z.looseObject({
  handle: z.string(),
  type: z.string(),
  info: anyObject.nullish(),
  asset: anyObject.nullish(),
  metadata: z.array(property).nullish(),
  exifExtraction: z
    .looseObject({
      mappings: z.array(z.looseObject({ field: z.string(), metadataPropertyName: z.string() })).nullish(),
    })
    .nullish(),
})

const language = z.looseObject({ locale: z.string() })

const projectConfig = z.looseObject({
  mediaTypes: z.array(mediaType).nullish(),
  settings: z
    .looseObject({
      languages: z
        .looseObject({ available: z.array(language).nullish(), defaultLanguage: language.nullish() })
        .nullish(),
    })
    .nullish(),
})

const importItem = z.looseObject({
  ok: z.boolean().optional(),
  status: z.int().optional(),
  id: z.string().nullish(),
  correlation: z.string().nullish(),
  record: anyObject.nullish(),
  error: z.string().nullish(),
  error_details: anyObject.nullish(),
})

const lookupItem = z.looseObject({
  ok: z.boolean().optional(),
  id: z.string().nullish(),
  record: anyObject.nullish(),
})

/** `mediaTypes.0.metadata.2.handle: expected string, received undefined`, at most three of them. */
function describeIssues(error: z.ZodError, prefix: string): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.')
    const message = issue.message.replace(/^Invalid input: /, '')
    return path ? `${path}: ${message}` : message
  })
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : ''
  return shown.join('; ') + more
}

function check<T>(schema: z.ZodType<T>, value: unknown, prefix = ''): AnswerCheck<T> {
  const result = schema.safeParse(value)
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problem: describeIssues(result.error, prefix) }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * `GET /projectConfig`: the config object, or one wrapped in `{projectConfig}` / `{config}`.
 * It must hold `mediaTypes` or `settings` (every real config has `settings`): an empty object
 * would silently become the fallback image type.
 */
export const readProjectConfigAnswer: AnswerReader<unknown> = (body) => {
  if (!isObj(body)) return { ok: false, problem: `expected the project config object, received ${kindOf(body)}` }
  const wrapper = ['projectConfig', 'config'].find((key) => !('mediaTypes' in body) && isObj(body[key]))
  const config = wrapper ? (body[wrapper] as Record<string, unknown>) : body
  if (!('mediaTypes' in config) && !('settings' in config)) {
    return { ok: false, problem: 'the object has neither mediaTypes nor settings, so it is no project config' }
  }
  const checked = check(projectConfig, config, wrapper ?? '')
  return checked.ok ? { ok: true, value: body } : checked
}

/**
 * `POST /import/mediaLibrary`: a list (`{results}`, `{mediaLibraryEntries}` or bare) of item
 * objects, never more items than entries were sent. Odd items that are objects are still read
 * one by one (normalise-import.ts: an item it cannot place is looked up).
 */
export function importAnswerReader(sent: number): AnswerReader<unknown[]> {
  return (body) => {
    const list = findResultList(body)
    if (!list) {
      return {
        ok: false,
        problem: `it holds no result list ({results}, {mediaLibraryEntries} or an array) but ${kindOf(body)}`,
      }
    }
    if (list.length > sent) return { ok: false, problem: `it lists ${list.length} results for ${sent} entries sent` }
    const prefix = Array.isArray(body) ? '' : 'results' in (body as object) ? 'results' : 'mediaLibraryEntries'
    const checked = check(z.array(importItem), list, prefix)
    return checked.ok ? { ok: true, value: list } : checked
  }
}

/** `GET /mediaLibrary?…`: a list of entries (or `{ok, record}` items), or a single entry. */
export const readLookupAnswer: AnswerReader<unknown> = (body) => {
  const list = findResultList(body)
  if (list) {
    const prefix = Array.isArray(body) ? '' : 'results' in (body as object) ? 'results' : 'mediaLibraryEntries'
    const checked = check(z.array(lookupItem), list, prefix)
    return checked.ok ? { ok: true, value: body } : checked
  }
  if (isObj(body) && typeof body.id === 'string') return { ok: true, value: body }
  return {
    ok: false,
    problem: `it holds no entries ({results}, {mediaLibraryEntries}, an array or one entry) but ${kindOf(body)}`,
  }
}

/** `PATCH /mediaLibrary/{id}`: `{ status: 200 }` documented; any object is read as done (its 2xx says so). */
export const readPatchAnswer: AnswerReader<unknown> = (body) =>
  isObj(body) ? { ok: true, value: body } : { ok: false, problem: `expected an object, received ${kindOf(body)}` }

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  if (isObj(value)) return `an object with ${Object.keys(value).slice(0, 5).join(', ') || 'no fields'}`
  return `a ${typeof value}`
}
