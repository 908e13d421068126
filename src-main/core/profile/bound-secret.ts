/**
 * A saved secret together with the origin it was entered for, sealed as one value so the secret
 * store (encrypted in the app) keeps both, and editing a file cannot rebind one without the other.
 * Values saved before origins were kept are read as bound to the profile's address at that time.
 */
const PREFIX = 'origin-bound:'

export interface BoundSecret {
  value: string
  origin: string
}

export function sealSecret(secret: BoundSecret): string {
  return `${PREFIX}${JSON.stringify({ origin: secret.origin, value: secret.value })}`
}

/** `legacyOrigin`: the origin an unbound (older) value is taken to belong to. */
export function unsealSecret(stored: string, legacyOrigin: string): BoundSecret {
  if (!stored.startsWith(PREFIX)) return { value: stored, origin: legacyOrigin }
  try {
    const parsed = JSON.parse(stored.slice(PREFIX.length)) as Partial<BoundSecret>
    if (typeof parsed.value === 'string' && typeof parsed.origin === 'string') {
      return { value: parsed.value, origin: parsed.origin }
    }
  } catch {
    /* damaged: below */
  }
  // Bound to no address at all: it is never sent, and the profile asks for it again.
  return { value: '', origin: '' }
}
