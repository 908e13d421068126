/**
 * A saved profile with its secrets for the workspace to open a session with, or an error that says
 * what is missing and what to do (which profile, which field). The Sandbox's profile comes from the
 * Sandbox itself (`workspace.ts`).
 */
import { ProfileError } from '../profile/profile-issues'
import type { ResolvedProfile } from '../profile/resolve-profile'
import { MediaImportError } from './errors'
import type { WorkspaceOptions } from './workspace-shapes'

export async function resolveSavedProfile(
  store: WorkspaceOptions['profiles'],
  profileName: string,
  sessionId: string | undefined,
): Promise<ResolvedProfile> {
  const whose = sessionId ? `Session "${sessionId}" imports with profile "${profileName}"` : `Profile "${profileName}"`
  if (!store || store instanceof Error) {
    const why = store ? `the profiles cannot be read (${store.message})` : 'this window keeps no profiles'
    throw new MediaImportError('profile-missing', `${whose}, but ${why}.`)
  }
  if (!store.get(profileName)) {
    throw new MediaImportError(
      'profile-missing',
      `${whose}, which is not among the saved profiles: create a profile named "${profileName}" in Settings (same server and storage), then open it again.`,
    )
  }
  try {
    return await store.resolve(profileName)
  } catch (err) {
    if (!(err instanceof ProfileError)) throw err
    const what = err.issues.map((i) => `${i.path}: ${i.message}`).join('; ')
    const field = err.issues[0]?.path
    throw new MediaImportError('profile-secret-missing', `${whose}, which cannot be used yet — ${what}.`, {
      ...(field ? { field } : {}),
    })
  }
}
