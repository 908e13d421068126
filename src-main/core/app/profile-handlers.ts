/**
 * The profile commands over the app's ProfileStore: list (secrets only as "saved or not"), save
 * (the token and keys go to the secret store, never back to the renderer), delete, and Test
 * connection. Secrets typed in are handed to `onSecrets` first, so the log can redact them.
 */
import { z } from 'zod'
import type { Profile } from '../profile/profile-schema'
import { ProfileError } from '../profile/profile-issues'
import type { ProfileStore } from '../profile/profile-store'
import { testConnection, type TestConnectionOptions } from '../profile/test-connection'
import { MediaImportError } from './errors'
import type { Handlers } from './handlers'

const secret = z.string().max(8192).optional()
const profileName = z.string().min(1).max(200)

export const profileSchemas = {
  listProfiles: z.undefined(),
  saveProfile: z
    .object({
      // Checked field by field by the store, whose messages name the field and what it expects.
      profile: z.custom<Profile>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
        message: 'expected a profile object',
      }),
      secrets: z.object({ token: secret, accessKeyId: secret, secretAccessKey: secret }).strict().optional(),
      previousName: profileName.optional(),
    })
    .strict(),
  deleteProfile: z.object({ name: profileName }).strict(),
  testProfile: z.object({ name: profileName }).strict(),
}

export interface ProfileDeps {
  /** The store, or why it could not be opened (a damaged file): the commands then say so. */
  profiles?: ProfileStore | Error
  /** Told every secret value the editor saves, before it is stored. */
  onSecrets?: (values: string[]) => void
  /** Test overrides (short timeouts, a proxy). */
  connection?: Omit<TestConnectionOptions, 'signal'>
}

type ProfileCommands = 'listProfiles' | 'saveProfile' | 'deleteProfile' | 'testProfile'

/** A ProfileError becomes an editor-facing error pinned to its first field. */
async function asEditorError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    if (err instanceof ProfileError) {
      const field = err.issues[0]?.path
      const message = err.issues.map((i) => `${i.path}: ${i.message}`).join('; ')
      throw new MediaImportError('invalid-profile', message, field ? { field } : {})
    }
    throw err
  }
}

export function createProfileHandlers(deps: ProfileDeps): Pick<Handlers, ProfileCommands> {
  const store = (): ProfileStore => {
    if (deps.profiles instanceof Error) {
      throw new MediaImportError('profiles-unavailable', `The profiles cannot be read: ${deps.profiles.message}`)
    }
    if (!deps.profiles) throw new MediaImportError('profiles-unavailable', 'This window keeps no profiles.')
    return deps.profiles
  }
  return {
    listProfiles: async () => ({ profiles: await store().list() }),
    saveProfile: async ({ profile, secrets, previousName }) => {
      const values = Object.values(secrets ?? {}).filter((v): v is string => typeof v === 'string' && v !== '')
      if (values.length > 0) deps.onSecrets?.(values)
      return asEditorError(() => store().save(profile, secrets, previousName))
    },
    deleteProfile: async ({ name }) => ({ removed: await store().remove(name) }),
    testProfile: async ({ name }) => {
      const resolved = await asEditorError(() => store().resolve(name))
      return testConnection(resolved, deps.connection)
    },
  }
}
