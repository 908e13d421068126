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
}

export interface ConnectionCheck {
  /** `livingdocs-read`, `livingdocs-write`, `bucket:<name>`. */
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
