/**
 * The app's profiles (Sandbox aside): several named environments kept in one JSON file in the
 * app's data folder, in the same format the CLI reads, so a profile can be handed to the CLI as
 * it is. Secrets never enter that file: the token and S3 keys go to a SecretStore (Electron's
 * safeStorage in the app, memory in tests), filed under the profile's name; the profile only
 * names them (`tokenEnv` etc., which the CLI reads from the environment instead). Each secret is
 * kept with the origin it was entered for (bound-secret.ts): a profile whose Livingdocs URL or S3
 * endpoint changes forgets it and asks for it again, so a saved token never goes to a new host.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises'
import { dirname } from 'node:path'
import { SANDBOX_NAME } from '../commands/workspace-types'
import { fsyncDir } from '../fs/atomic-file'
import { sealSecret, unsealSecret } from './bound-secret'
import { parseJsonText } from './load-profile'
import { ProfileError } from './profile-issues'
import type { Profile } from './profile-schema'
import type { ProfileSecrets, ProfileSummary } from './profile-types'
import { parseProfile, resolveProfile, type ResolvedProfile } from './resolve-profile'
import { parseStoredProfile } from './stored-profile'
import { AWS_ORIGIN, secretOrigins, type SecretOrigins } from '../../../src-shared/urls/url-origin'

export type { ProfileSecrets, ProfileSummary }

/** Where secret values live; names are opaque to it. */
export interface SecretStore {
  get(name: string): Promise<string | undefined>
  set(name: string, value: string): Promise<void>
  delete(name: string): Promise<void>
}

export class MemorySecretStore implements SecretStore {
  readonly values = new Map<string, string>()
  async get(name: string): Promise<string | undefined> {
    return this.values.get(name)
  }
  async set(name: string, value: string): Promise<void> {
    this.values.set(name, value)
  }
  async delete(name: string): Promise<void> {
    this.values.delete(name)
  }
}

type SecretKind = keyof ProfileSecrets
const secretKinds: readonly SecretKind[] = ['token', 'accessKeyId', 'secretAccessKey']
const secretName = (profile: string, kind: SecretKind): string => `profile/${profile}/${kind}`
const originOfKind = (origins: SecretOrigins, kind: SecretKind): string =>
  kind === 'token' ? origins.token : origins.keys

const describeOrigin = (origin: string): string => (origin === AWS_ORIGIN ? 'AWS itself' : origin)

/** Why a saved secret is not used for this profile as it is now: it was entered for another address. */
function reboundMessage(kind: SecretKind, from: string, to: string): string {
  const change = `(${describeOrigin(from)} before, ${describeOrigin(to)} now)`
  return kind === 'token'
    ? `The Livingdocs address changed ${change}: enter the token again; it is only sent to the address it was given for.`
    : `The S3 endpoint changed ${change}: enter the S3 keys again; they are only sent to the endpoint they were given for.`
}

const FILE_FORMAT = 1

export class ProfileStore {
  private profiles: Profile[] = []

  private constructor(
    readonly file: string,
    private readonly secrets: SecretStore,
  ) {}

  /** Reads the file (none yet: no profiles; the app then runs the Sandbox). */
  static async open(file: string, secrets: SecretStore): Promise<ProfileStore> {
    const store = new ProfileStore(file, secrets)
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined
      throw err
    })
    if (text !== undefined) {
      const raw = parseJsonText(text, file) as { profiles?: unknown }
      if (!Array.isArray(raw.profiles)) {
        throw new ProfileError([{ path: 'profiles', message: 'expected a list of profiles' }], file)
      }
      store.profiles = raw.profiles.map((p) => parseStoredProfile(p, file))
    }
    return store
  }

  async list(): Promise<ProfileSummary[]> {
    return Promise.all(this.profiles.map((profile) => this.summary(profile)))
  }

  get(name: string): Profile | undefined {
    return this.profiles.find((p) => p.name === name)
  }

  /**
   * Validates and saves a profile (replacing the one named `previousName`, or its own name), and
   * its secrets. Names are unique. Returns what the renderer may see.
   */
  async save(raw: unknown, secrets: ProfileSecrets = {}, previousName?: string): Promise<ProfileSummary> {
    const profile = parseProfile(raw)
    if (profile.name === SANDBOX_NAME) {
      throw new ProfileError([
        { path: 'name', message: `"${SANDBOX_NAME}" is the embedded test server's name: choose another name` },
      ])
    }
    const replaced = previousName ?? profile.name
    if (profile.name !== replaced && this.get(profile.name)) {
      throw new ProfileError([{ path: 'name', message: `a profile named "${profile.name}" exists already` }])
    }
    const before = this.get(replaced)
    // Secrets saved before origins were kept belong to the address the profile had then.
    const legacy = secretOrigins(before ?? profile)
    if (profile.name !== replaced) {
      // A renamed profile keeps its saved secrets (still bound to their origin).
      for (const kind of secretKinds) {
        const stored = await this.secrets.get(secretName(replaced, kind))
        if (stored !== undefined) {
          const bound = unsealSecret(stored, originOfKind(legacy, kind))
          await this.secrets.set(secretName(profile.name, kind), sealSecret(bound))
        }
        await this.secrets.delete(secretName(replaced, kind))
      }
    }
    const origins = secretOrigins(profile)
    const forgotten: string[] = []
    for (const kind of secretKinds) {
      const name = secretName(profile.name, kind)
      const value = secrets[kind]
      if (value === '') await this.secrets.delete(name)
      else if (value !== undefined)
        await this.secrets.set(name, sealSecret({ value, origin: originOfKind(origins, kind) }))
      else {
        // Not typed again: kept only while the address it was entered for stays the same.
        const stored = await this.secrets.get(name)
        if (stored === undefined) continue
        const bound = unsealSecret(stored, originOfKind(legacy, kind))
        if (bound.origin === originOfKind(origins, kind)) continue
        await this.secrets.delete(name)
        const message = reboundMessage(kind, bound.origin, originOfKind(origins, kind))
        if (!forgotten.includes(message)) forgotten.push(message)
      }
    }
    const index = this.profiles.findIndex((p) => p.name === replaced)
    if (index >= 0) this.profiles[index] = profile
    else this.profiles.push(profile)
    await this.write()
    const summary = await this.summary(profile)
    return forgotten.length > 0 ? { ...summary, secretNotes: [...(summary.secretNotes ?? []), ...forgotten] } : summary
  }

  async remove(name: string): Promise<boolean> {
    const before = this.profiles.length
    this.profiles = this.profiles.filter((p) => p.name !== name)
    if (this.profiles.length === before) return false
    for (const kind of secretKinds) await this.secrets.delete(secretName(name, kind))
    await this.write()
    return true
  }

  /** The profile with its saved secrets, ready for the importer; says which secret is missing. */
  async resolve(name: string): Promise<ResolvedProfile> {
    const profile = this.get(name)
    if (!profile) throw new ProfileError([{ path: 'name', message: `no profile named "${name}"` }])
    // A profile kept from before http was refused (stored-profile.ts) stops here, naming the field.
    parseProfile(profile)
    const values: Record<string, string | undefined> = {}
    const missing: { path: string; message: string }[] = []
    const origins = secretOrigins(profile)
    const need = (envName: string, kind: SecretKind, path: string, what: string): Promise<void> =>
      this.boundSecret(profile, kind).then((bound) => {
        if (bound?.value && bound.origin === originOfKind(origins, kind)) values[envName] = bound.value
        else if (bound?.value)
          missing.push({ path, message: reboundMessage(kind, bound.origin, originOfKind(origins, kind)) })
        else missing.push({ path, message: `no ${what} saved for this profile: enter it and save` })
      })
    await need(profile.livingdocs.tokenEnv, 'token', 'livingdocs.token', 'access token')
    const creds = profile.storage.credentials
    if (creds && 'accessKeyIdEnv' in creds) {
      await need(creds.accessKeyIdEnv, 'accessKeyId', 'storage.credentials.accessKeyId', 'S3 access key id')
      await need(creds.secretAccessKeyEnv, 'secretAccessKey', 'storage.credentials.secretAccessKey', 'S3 secret key')
    }
    if (missing.length > 0) throw new ProfileError(missing)
    return resolveProfile(profile, values)
  }

  /** A saved secret with its origin; undefined when none is saved. */
  private async boundSecret(
    profile: Profile,
    kind: SecretKind,
  ): Promise<{ value: string; origin: string } | undefined> {
    const stored = await this.secrets.get(secretName(profile.name, kind))
    return stored === undefined ? undefined : unsealSecret(stored, originOfKind(secretOrigins(profile), kind))
  }

  private async summary(profile: Profile): Promise<ProfileSummary> {
    const origins = secretOrigins(profile)
    const notes: string[] = []
    const has = async (kind: SecretKind): Promise<boolean> => {
      const bound = await this.boundSecret(profile, kind)
      if (!bound?.value) return false
      if (bound.origin === originOfKind(origins, kind)) return true
      const message = reboundMessage(kind, bound.origin, originOfKind(origins, kind))
      if (!notes.includes(message)) notes.push(message)
      return false
    }
    const hasToken = await has('token')
    const hasKeys = (await has('accessKeyId')) && (await has('secretAccessKey'))
    return { profile, hasToken, hasKeys, ...(notes.length > 0 ? { secretNotes: notes } : {}) }
  }

  /** Temp file, fsync, rename: a crash leaves the old list or the new one. Readable by the user only. */
  private async write(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true })
    const temp = `${this.file}.${process.pid}.tmp`
    const handle = await open(temp, 'w', 0o600)
    try {
      await handle.writeFile(`${JSON.stringify({ format: FILE_FORMAT, profiles: this.profiles }, null, 2)}\n`)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, this.file)
    await fsyncDir(dirname(this.file))
  }
}
