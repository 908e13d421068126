/**
 * The app's profiles: `<userData>/profiles.json` (no secrets) and `<userData>/secrets.json`
 * (safeStorage ciphertext). A damaged profiles file must not stop the app: the Sandbox still
 * works, and the profile commands say what is wrong.
 */
import { join } from 'node:path'
import type { Redactor } from '../core/logging'
import { ProfileStore } from '../core/profile/profile-store'
import { SafeStorageSecretStore, type SafeStorageLike } from './safe-storage-secrets'

export const PROFILES_FILE = 'profiles.json'
export const SECRETS_FILE = 'secrets.json'

export async function openAppProfiles(
  userDataDir: string,
  safe: SafeStorageLike,
  redactor: Redactor,
): Promise<ProfileStore | Error> {
  const secrets = new SafeStorageSecretStore(join(userDataDir, SECRETS_FILE), safe)
  let store: ProfileStore
  try {
    store = await ProfileStore.open(join(userDataDir, PROFILES_FILE), secrets)
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err))
  }
  // Secrets saved in earlier runs are cut out of this run's log as well (best effort: a locked
  // keychain or a profile without its token simply has nothing to register).
  for (const { profile } of await store.list().catch(() => [])) {
    try {
      const resolved = await store.resolve(profile.name)
      const creds = resolved.storage.credentials
      redactor.addSecret(resolved.livingdocs.token)
      if (creds.source === 'keys') redactor.addSecret(creds.accessKeyId, creds.secretAccessKey)
    } catch {
      // Nothing saved to redact.
    }
  }
  return store
}
