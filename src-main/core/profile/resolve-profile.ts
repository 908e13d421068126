/**
 * Validates a profile and fills in its secrets from named variables. Pure: the caller hands in
 * the variables (`process.env` for the CLI; the app may map names to secrets it keeps itself).
 */
import type { MediaKind } from '../model/row'
import type { ProfileIssue } from './profile-issues'
import { ProfileError, profileErrorMap, toProfileIssues } from './profile-issues'
import type { Profile, StorageTargetSetting } from './profile-schema'
import { profileSchema } from './profile-schema'

export type SecretSource = Readonly<Record<string, string | undefined>>

export type StorageCredentials =
  /** The standard AWS chain: environment, shared config and credentials files, SSO. */
  | { source: 'aws-chain' }
  | { source: 'aws-profile'; profile: string }
  | { source: 'keys'; accessKeyId: string; secretAccessKey: string }

export interface StorageTarget {
  bucket: string
  /** Without a trailing slash, so `url = publicUrl + '/' + key`. */
  publicUrl: string
  /** '' when none is set. */
  prefix: string
}

export interface ResolvedProfile {
  name: string
  /** apiVersion: 'auto' or 'YYYY-MM'. */
  /** editorUrl: the editor's page per entry, with `{mediaId}` (absent: no editor links). */
  livingdocs: { url: string; apiVersion: string; token: string; editorUrl?: string }
  storage: {
    endpoint?: string
    region: string
    forcePathStyle: boolean
    credentials: StorageCredentials
    videoPublicRead: boolean
    /** Bytes; absent: the storage engine's defaults. */
    multipart?: { threshold?: number; partSize?: number }
  } & Record<MediaKind, StorageTarget>
  /** batchSize/batchBytes stay undefined when unset: the importer owns the defaults. */
  import: { systemName: string; batchSize?: number; batchBytes?: number }
}

/** Validates without touching secrets (e.g. for a settings form). Throws `ProfileError`. */
export function parseProfile(raw: unknown, file?: string): Profile {
  const result = profileSchema.safeParse(raw, { error: profileErrorMap })
  if (!result.success) throw new ProfileError(toProfileIssues(result.error.issues), file)
  return result.data
}

const trimSlashes = (url: string): string => url.replace(/\/+$/, '')

const MiB = 1024 * 1024

function multipartBytes(setting: NonNullable<Profile['storage']['multipart']>): {
  threshold?: number
  partSize?: number
} {
  return {
    ...(setting.thresholdMiB ? { threshold: setting.thresholdMiB * MiB } : {}),
    ...(setting.partSizeMiB ? { partSize: setting.partSizeMiB * MiB } : {}),
  }
}

function target(setting: StorageTargetSetting): StorageTarget {
  return { bucket: setting.bucket, publicUrl: trimSlashes(setting.publicUrl), prefix: setting.prefix ?? '' }
}

/** Validates and resolves. Every missing variable is reported at once, by name and purpose. */
export function resolveProfile(raw: unknown, secrets: SecretSource, file?: string): ResolvedProfile {
  const profile = parseProfile(raw, file)
  const missing: ProfileIssue[] = []
  const secret = (path: string, name: string, purpose: string): string => {
    const value = secrets[name]
    if (value === undefined || value === '') {
      missing.push({ path, message: `environment variable ${name} is not set; set it to ${purpose}` })
      return ''
    }
    return value
  }

  const token = secret('livingdocs.tokenEnv', profile.livingdocs.tokenEnv, 'the Livingdocs API access token')
  const creds = profile.storage.credentials
  let credentials: StorageCredentials = { source: 'aws-chain' }
  if (creds && 'profile' in creds) credentials = { source: 'aws-profile', profile: creds.profile }
  else if (creds) {
    credentials = {
      source: 'keys',
      accessKeyId: secret('storage.credentials.accessKeyIdEnv', creds.accessKeyIdEnv, 'the S3 access key id'),
      secretAccessKey: secret('storage.credentials.secretAccessKeyEnv', creds.secretAccessKeyEnv, 'the S3 secret key'),
    }
  }
  if (missing.length > 0) throw new ProfileError(missing, file)

  const { storage } = profile
  return {
    name: profile.name,
    livingdocs: {
      url: trimSlashes(profile.livingdocs.url),
      apiVersion: profile.livingdocs.apiVersion,
      token,
      ...(profile.livingdocs.editorUrl ? { editorUrl: profile.livingdocs.editorUrl } : {}),
    },
    storage: {
      ...(storage.endpoint ? { endpoint: trimSlashes(storage.endpoint) } : {}),
      region: storage.region,
      forcePathStyle: storage.forcePathStyle ?? false,
      credentials,
      image: target(storage.image),
      video: target(storage.video),
      file: target(storage.file),
      videoPublicRead: storage.videoPublicRead ?? false,
      ...(storage.multipart ? { multipart: multipartBytes(storage.multipart) } : {}),
    },
    import: { ...profile.import },
  }
}
