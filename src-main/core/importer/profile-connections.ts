/**
 * What a resolved profile means for the two servers: the storage engine's config and the
 * Livingdocs client's options. Pure; secrets pass through to the clients and nowhere else.
 */
import type { LivingdocsClientOptions } from '../livingdocs/client'
import type { ResolvedProfile } from '../profile/resolve-profile'
import type { CredentialSource, StorageConfig } from '../storage/types'

function credentialsOf(profile: ResolvedProfile): CredentialSource {
  const creds = profile.storage.credentials
  switch (creds.source) {
    case 'aws-chain':
      return { type: 'default-chain' }
    case 'aws-profile':
      return { type: 'profile', profile: creds.profile }
    case 'keys':
      return {
        type: 'keys',
        accessKeyId: creds.accessKeyId,
        secretAccessKey: creds.secretAccessKey,
        // Named in access-denied messages instead of any part of the key.
        label: `the S3 keys of profile "${profile.name}"`,
      }
  }
}

export function storageConfigOf(profile: ResolvedProfile, overrides: Partial<StorageConfig> = {}): StorageConfig {
  const { storage } = profile
  return {
    region: storage.region,
    ...(storage.endpoint ? { endpoint: storage.endpoint } : {}),
    forcePathStyle: storage.forcePathStyle,
    credentials: credentialsOf(profile),
    targets: { image: storage.image, video: storage.video, file: storage.file },
    videoPublicRead: storage.videoPublicRead,
    ...(storage.multipart?.threshold ? { multipartThreshold: storage.multipart.threshold } : {}),
    ...(storage.multipart?.partSize ? { minPartSize: storage.multipart.partSize } : {}),
    ...overrides,
  }
}

export function livingdocsOptionsOf(
  profile: ResolvedProfile,
  overrides: Partial<LivingdocsClientOptions> = {},
): LivingdocsClientOptions {
  const { url, token, apiVersion } = profile.livingdocs
  return { url, token, apiVersion, ...overrides }
}
