/**
 * The profile shapes that cross IPC, free of Node imports so the renderer can type-check against
 * them (contract.ts re-exports them).
 */
import type { Profile } from './profile-schema'

/** Secrets typed into the profile form. Absent: keep what is saved; '': remove it. */
export interface ProfileSecrets {
  token?: string
  accessKeyId?: string
  secretAccessKey?: string
}

/** What the renderer may see of a profile: everything but secrets, and whether they are saved. */
export interface ProfileSummary {
  profile: Profile
  hasToken: boolean
  hasKeys: boolean
  /**
   * Why a secret must be entered again: the address it was saved for changed (it is only ever sent
   * to that one), e.g. "The Livingdocs address changed (…): enter the token again; …".
   */
  secretNotes?: string[]
}

/** A saved profile, and what became of the open session that imports with it (absent: none does). */
export interface SavedProfile extends ProfileSummary {
  /** The session opened again with the new values (storage, limits, token), or why it could not. */
  reopened?: { ok: boolean; message: string }
}

export interface ConnectionCheck {
  /** `livingdocs-read`, `livingdocs-lookup`, `livingdocs-write`, `bucket:<name>`. */
  id: string
  label: string
  ok: boolean
  /** Passed, with something to know (e.g. the test object could not be deleted). */
  warning?: boolean
  message: string
}

export interface ConnectionReport {
  ok: boolean
  checks: ConnectionCheck[]
}
