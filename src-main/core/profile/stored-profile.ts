/**
 * Reading the app's saved profiles. A profile saved before plain http was refused (an http
 * Livingdocs URL or S3 endpoint on the network) is kept in the list, so it can be edited to https,
 * but never used: resolving it fails with the https message, naming the field. Anything else wrong
 * with a saved profile still makes the file unusable, as before.
 */
import { ProfileError } from './profile-issues'
import { INSECURE_URL_MESSAGE, type Profile } from './profile-schema'
import { parseProfile } from './resolve-profile'

const toHttps = (url: unknown): unknown => (typeof url === 'string' ? url.replace(/^http:/i, 'https:') : url)

/** The same profile with its secret-bearing URLs on https: checks that nothing else is wrong. */
function withHttps(raw: Record<string, unknown>): Record<string, unknown> {
  const livingdocs = raw.livingdocs as Record<string, unknown> | undefined
  const storage = raw.storage as Record<string, unknown> | undefined
  return {
    ...raw,
    ...(livingdocs ? { livingdocs: { ...livingdocs, url: toHttps(livingdocs.url) } } : {}),
    ...(storage && 'endpoint' in storage ? { storage: { ...storage, endpoint: toHttps(storage.endpoint) } } : {}),
  }
}

export function parseStoredProfile(raw: unknown, file: string): Profile {
  try {
    return parseProfile(raw, file)
  } catch (err) {
    const onlyHttp = err instanceof ProfileError && err.issues.every((i) => i.message === INSECURE_URL_MESSAGE)
    if (!onlyHttp || typeof raw !== 'object' || raw === null) throw err
    parseProfile(withHttps(raw as Record<string, unknown>), file)
    return raw as Profile
  }
}
