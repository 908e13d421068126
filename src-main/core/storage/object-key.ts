/**
 * Object keys and public URLs. Pure: the date and the uuid come in as arguments.
 * Default key `{prefix}{yyyy}/{mm}/{dd}/{uuid}.{ext}`; `url = publicUrl + '/' + key`.
 * A key never starts with `/` (an empty path segment some stores reject or map oddly) nor with
 * `v/` (a path Livingdocs' own asset URLs use, so such a key could collide with them).
 */
import type { StorageTarget } from './types'

export class InvalidKeyError extends Error {
  override readonly name = 'InvalidKeyError'
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

/** Throws when a prefix would produce a forbidden key, so a bad profile fails before any upload. */
export function checkPrefix(prefix: string): void {
  if (prefix.startsWith('/')) throw new InvalidKeyError(`Key prefix "${prefix}" must not start with "/".`)
  if (prefix.startsWith('v/') || prefix === 'v') {
    throw new InvalidKeyError(`Key prefix "${prefix}" must not start with "v/" (reserved for Livingdocs asset URLs).`)
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\\\u0000-\u001f]/.test(prefix))
    throw new InvalidKeyError(`Key prefix "${prefix}" has a control character or "\\".`)
}

/** The extension as it goes into the key: lower case, no dot, only [a-z0-9]. */
export function normaliseExt(ext: string): string {
  const clean = ext.replace(/^\.+/, '').toLowerCase()
  return /^[a-z0-9]{1,16}$/.test(clean) ? clean : 'bin'
}

export function buildObjectKey(args: { prefix: string; date: Date; uuid: string; ext: string }): string {
  checkPrefix(args.prefix)
  const d = args.date
  // UTC, so the same instant gives the same folder on every editor's computer.
  const datePath = `${d.getUTCFullYear()}/${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}`
  const key = `${args.prefix}${datePath}/${args.uuid}.${normaliseExt(args.ext)}`
  if (key.startsWith('/') || key.startsWith('v/')) throw new InvalidKeyError(`Key "${key}" is not allowed.`)
  return key
}

/** Each key segment is URL-encoded; `/` stays a separator. */
export function publicUrlFor(target: Pick<StorageTarget, 'publicUrl'>, key: string): string {
  const base = target.publicUrl.replace(/\/+$/, '')
  return `${base}/${key.split('/').map(encodeURIComponent).join('/')}`
}
