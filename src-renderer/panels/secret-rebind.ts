/**
 * What the profile form says while an address is edited: a saved token or key is only ever sent to
 * the origin it was entered for (main forgets it when the origin changes, profile-store.ts), so a
 * changed Livingdocs URL or S3 endpoint asks for it again, before Save. Pure.
 */
import { AWS_ORIGIN, secretOrigins } from '../../src-shared/urls/url-origin'
import type { Profile } from '../../src-main/contract'
import type { ProfileForm } from './profile-form'

export const TOKEN_AGAIN =
  'The Livingdocs address changed: enter the token again; it is only sent to the address it was given for.'
export const KEYS_AGAIN =
  'The S3 endpoint changed: enter the S3 keys again; they are only sent to the endpoint they were given for.'

const originOrUndefined = (url: string, fallback?: string): string | undefined => {
  const text = url.trim()
  if (!text) return fallback
  try {
    return new URL(text).origin
  } catch {
    return undefined
  }
}

/** Messages for the secrets that a save of `form` would forget, given the saved profile. */
export function secretsToEnterAgain(saved: Profile, form: ProfileForm): { token?: string; keys?: string } {
  const before = secretOrigins(saved)
  const tokenNow = originOrUndefined(form.url)
  const keysNow = originOrUndefined(form.endpoint, AWS_ORIGIN)
  return {
    // A URL still being typed (unparsable) says nothing yet.
    ...(tokenNow && tokenNow !== before.token ? { token: TOKEN_AGAIN } : {}),
    ...(keysNow && keysNow !== before.keys ? { keys: KEYS_AGAIN } : {}),
  }
}
