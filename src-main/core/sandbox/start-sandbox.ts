/**
 * The Sandbox (ARCHITECTURE.md, "The Sandbox"): the local S3 and the Livingdocs emulator on random loopback ports
 * with a fresh token, plus a profile file pointing at both, so the app and the CLI use the
 * Sandbox through exactly the path a real server takes. Stored entries and objects live under
 * `dataDir` and survive restarts; ports, token and the profile's URLs change every start.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../fs/private-mode'
import type { Profile } from '../profile/profile-schema'
import { parseProfile } from '../profile/resolve-profile'
import type { RunningEmulator } from './emulator'
import { DATE_VERSIONS, startEmulator } from './emulator'
import { EDITOR_PAGE_PREFIX } from './emulator/editor-page'
import type { RunningS3Sandbox } from './s3-server'
import { sandboxPublicUrl, startS3Sandbox } from './s3-server'

/** Names of the variables the sandbox profile reads its secrets from. */
export const sandboxEnvNames = {
  token: 'MEDIA_IMPORT_SANDBOX_TOKEN',
  s3KeyId: 'MEDIA_IMPORT_SANDBOX_S3_KEY_ID',
  s3Secret: 'MEDIA_IMPORT_SANDBOX_S3_SECRET',
} as const

export const SANDBOX_PROFILE_FILE = 'sandbox-profile.json'

export interface RunningSandbox {
  profilePath: string
  /** The profile as written to `profilePath`. */
  profile: Profile
  /** The secrets the profile names, to put into the environment of whatever uses it. */
  env: Record<string, string>
  livingdocsUrl: string
  s3Endpoint: string
  /** For tests and the app: stored entries, injected faults, request counts. */
  emulator: RunningEmulator
  s3: RunningS3Sandbox
  close(): Promise<void>
}

export function sandboxProfile(emulator: Pick<RunningEmulator, 'url'>, s3: RunningS3Sandbox): Profile {
  const target = (bucket: string) => ({ bucket, publicUrl: sandboxPublicUrl(s3, bucket) })
  return parseProfile({
    name: 'Sandbox',
    // The newest version the emulator answers: fixed, so the Sandbox never depends on discovery.
    livingdocs: {
      url: emulator.url,
      apiVersion: DATE_VERSIONS.at(-1),
      tokenEnv: sandboxEnvNames.token,
      // The emulator's read-only entry page stands in for the Livingdocs editor.
      editorUrl: `${emulator.url}${EDITOR_PAGE_PREFIX}{mediaId}`,
    },
    storage: {
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyIdEnv: sandboxEnvNames.s3KeyId, secretAccessKeyEnv: sandboxEnvNames.s3Secret },
      image: target(s3.buckets.image),
      video: target(s3.buckets.video),
      file: target(s3.buckets.file),
    },
    import: { systemName: 'media-importer-sandbox' },
  })
}

/** Written to a temp file and renamed, so a reader never sees half a profile. */
async function writeProfile(path: string, profile: Profile): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`
  await writeFile(temp, `${JSON.stringify(profile, null, 2)}\n`, { mode: PRIVATE_FILE_MODE })
  await rename(temp, path)
}

/** Closes every server, even when one fails to close; rethrows the first failure. */
async function closeAll(closers: (() => Promise<void>)[]): Promise<void> {
  const results = await Promise.allSettled(closers.map((close) => close()))
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) throw failed.reason
}

export async function startSandbox(options: { dataDir: string }): Promise<RunningSandbox> {
  // Its objects and entries are the editor's test imports: the user's only, like the sessions.
  await mkdir(options.dataDir, { recursive: true, mode: PRIVATE_DIR_MODE })
  const s3 = await startS3Sandbox({ dataDir: join(options.dataDir, 's3') })
  let emulator: RunningEmulator
  try {
    emulator = await startEmulator({ dataDir: join(options.dataDir, 'livingdocs') })
  } catch (err) {
    await s3.close()
    throw err
  }

  const profilePath = join(options.dataDir, SANDBOX_PROFILE_FILE)
  let closing: Promise<void> | undefined
  const close = (): Promise<void> => (closing ??= closeAll([() => emulator.close(), () => s3.close()]))
  try {
    const profile = sandboxProfile(emulator, s3)
    await writeProfile(profilePath, profile)
    return {
      profilePath,
      profile,
      env: {
        [sandboxEnvNames.token]: emulator.token,
        [sandboxEnvNames.s3KeyId]: s3.accessKeyId,
        [sandboxEnvNames.s3Secret]: s3.secretAccessKey,
      },
      livingdocsUrl: emulator.url,
      s3Endpoint: s3.endpoint,
      emulator,
      s3,
      close,
    }
  } catch (err) {
    await close()
    throw err
  }
}
