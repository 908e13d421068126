/**
 * `PATCH /api/{v}/mediaLibrary/{id}` (livingdocsIO/documentation
 * `data/endpoints/patch-media-library-entry-2026-01.yaml`): `{ version?, patches: [...] }`.
 * The emulator implements `setMetadataProperty` (value checked against the media type's metadata
 * the way an import is, `null`/absent removes the property) and `replaceAsset` (the asset checked
 * like an import's; it replaces the main asset and takes no `locale`, which the docs give
 * removeAsset only); the other documented operations answer 400, so a client can't believe they
 * worked here. A `version` that is not the entry's is the documented 409 Conflict. All patches
 * apply or none does; a change raises the entry's `version` by one. `preserveUpdatedAt` (2026-03)
 * keeps `updatedAt` as it was.
 */
import { assetProblems } from './asset-validation'
import { projectLocales } from './entry-validation'
import { validateMetadata } from './metadata-validation'
import type { Reply } from './responses'
import { errorReply } from './responses'
import type { MediaAsset, MediaLibraryEntry, ProjectConfig } from './types'

export const PRESERVE_UPDATED_AT_SINCE = '2026-03'
const DOCUMENTED = ['setMetadataProperty', 'replaceAsset', 'revokeAsset', 'unrevokeAsset', 'archive', 'removeAsset']
const IMPLEMENTED = ['setMetadataProperty', 'replaceAsset']
const PATCH_KEYS = ['operation', 'propertyName', 'value', 'locale', 'note']

export type PatchOutcome = { ok: true; entry: MediaLibraryEntry } | { ok: false; reply: Reply }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const bad = (details: Record<string, unknown>): PatchOutcome => ({ ok: false, reply: errorReply(400, details) })

/** The patched entry (a copy), or the reply that refuses the request. `current` is never changed. */
export function patchEntry(
  text: string,
  current: MediaLibraryEntry,
  config: ProjectConfig,
  effectiveVersion: string,
  now = new Date(),
): PatchOutcome {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (err) {
    return bad({ message: `The request body is not valid JSON: ${(err as Error).message}` })
  }
  if (!isObject(body) || !Array.isArray(body.patches)) {
    return bad({ message: 'The request body must be an object { "version": <n>, "patches": [ ... ] }' })
  }
  const allowed = [
    'version',
    'patches',
    ...(effectiveVersion >= PRESERVE_UPDATED_AT_SINCE ? ['preserveUpdatedAt'] : []),
  ]
  const extra = Object.keys(body).find((key) => !allowed.includes(key))
  if (extra !== undefined) return bad({ [extra]: `${extra} is not allowed (allowed: ${allowed.join(', ')})` })
  // The docs' example sends the version as a string, the OpenAPI as a number: both are read.
  if (body.version !== undefined) {
    const sent = Number(body.version)
    if (!Number.isInteger(sent)) return bad({ version: `version must be an integer: ${JSON.stringify(body.version)}` })
    if (sent !== current.version) {
      const message = `Version: Expected ${current.version} to be equal to ${sent}`
      return { ok: false, reply: errorReply(409, { name: 'Conflict', message }) }
    }
  }
  const mediaType = config.mediaTypes.find((t) => t.handle === current.mediaType)
  if (!mediaType) return bad({ message: `The entry's media type '${current.mediaType}' is not in the project` })

  const next = structuredClone(current)
  for (const [index, patch] of body.patches.entries()) {
    const at = `patches.${index}`
    if (!isObject(patch)) return bad({ [at]: 'must be object' })
    const key = Object.keys(patch).find((k) => !PATCH_KEYS.includes(k))
    if (key !== undefined) return bad({ [`${at}.${key}`]: 'is not allowed' })
    const operation = patch.operation
    if (typeof operation !== 'string' || !DOCUMENTED.includes(operation)) {
      return bad({ [`${at}.operation`]: `No enum match for: ${JSON.stringify(operation)}` })
    }
    if (!IMPLEMENTED.includes(operation)) {
      return bad({ [`${at}.operation`]: `The Sandbox emulator does not implement ${operation}` })
    }
    if (operation === 'setMetadataProperty') {
      const name = patch.propertyName
      if (typeof name !== 'string' || name === '') return bad({ [`${at}.propertyName`]: 'must be a non-empty string' })
      if (patch.value === null || patch.value === undefined) delete next.metadata[name]
      else next.metadata[name] = structuredClone(patch.value)
    } else {
      // `locale` is documented for removeAsset only: replaceAsset replaces the entry's main asset, so
      // a client that thinks it replaces a translation's file is told so, not quietly obeyed.
      if (patch.locale !== undefined) {
        return bad({ [`${at}.locale`]: 'is only allowed with removeAsset (replaceAsset replaces the main asset)' })
      }
      const problems = assetProblems(patch.value, mediaType.type)
      if (problems.length > 0) return bad({ [`${at}.value`]: problems.join('; ') })
      next.asset = structuredClone(patch.value) as unknown as MediaAsset
    }
  }
  const errors = validateMetadata(mediaType, next.metadata, { locales: projectLocales(config) })
  if (errors.length > 0) {
    return {
      ok: false,
      reply: errorReply(400, { name: 'ValidationError', message: 'Metadata validation failed.', errors }),
    }
  }
  next.version = current.version + 1
  if (body.preserveUpdatedAt !== true) next.updatedAt = now.toISOString()
  return { ok: true, entry: next }
}
