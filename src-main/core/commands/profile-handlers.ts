/**
 * The profile commands over the app's ProfileStore: list (secrets only as "saved or not"), save
 * (the token and keys go to the secret store, never back to the renderer), delete, and Test
 * connection. Secrets typed in are handed to `onSecrets` first, so the log can redact them.
 */
import { z } from 'zod'
import type { Profile } from '../profile/profile-schema'
import { ProfileError } from '../profile/profile-issues'
import type { ProfileStore } from '../profile/profile-store'
import type { SavedProfile } from '../profile/profile-types'
import { testConnection, type TestConnectionOptions } from '../profile/test-connection'
import { MediaImportError } from './errors'
import type { Handlers } from './handler-types'
import type { Workspace } from './workspace'

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
  /** The open session's profile: saving it opens the session again with it; deleting it is refused. */
  workspace?: Pick<Workspace, 'profileInUse' | 'profileSaved'>
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

/** Saved while in use: the open session opens again with the new values; the answer says how that went. */
async function reopenSessionWith(
  workspace: ProfileDeps['workspace'],
  name: string,
  previousName: string | undefined,
): Promise<SavedProfile['reopened']> {
  if (!workspace) return undefined
  try {
    const info = await workspace.profileSaved(name, previousName)
    if (!info) return undefined
    return { ok: true, message: `The open session now imports with the saved values of "${name}".` }
  } catch (err) {
    return {
      ok: false,
      message: `Saved, but the open session could not use it: ${err instanceof Error ? err.message : String(err)}`,
    }
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
      const saved = await asEditorError(() => store().save(profile, secrets, previousName))
      const reopened = await reopenSessionWith(deps.workspace, saved.profile.name, previousName)
      return reopened ? { ...saved, reopened } : saved
    },
    deleteProfile: async ({ name }) => {
      if (deps.workspace?.profileInUse() === name) {
        throw new MediaImportError(
          'profile-in-use',
          `Profile "${name}" is in use by the open session: open another session or start a new import first, then delete it.`,
        )
      }
      return { removed: await store().remove(name) }
    },
    testProfile: async ({ name }) => {
      const resolved = await asEditorError(() => store().resolve(name))
      return testConnection(resolved, deps.connection)
    },
  }
}
