/**
 * The profile editor's form state and its mapping to and from the profile format (README
 * "Profiles"). Every field is text or a checkbox here; the conversion leaves out what is empty and
 * lets main's schema judge the rest, whose messages name the field. Secrets are not part of it:
 * they are typed into password fields and sent once, beside the profile. Pure.
 */
import type { Profile } from '../../src-main/contract'

export type CredentialMode = 'keys' | 'aws-profile' | 'chain'
export type TargetKind = 'image' | 'video' | 'file'
export interface TargetForm {
  bucket: string
  publicUrl: string
  prefix: string
}

export interface ProfileForm {
  name: string
  url: string
  apiVersion: string
  editorUrl: string
  /** For the CLI, which reads the token from this environment variable; derived from the name when empty. */
  tokenEnv: string
  endpoint: string
  region: string
  forcePathStyle: boolean
  credentials: CredentialMode
  awsProfile: string
  accessKeyIdEnv: string
  secretAccessKeyEnv: string
  targets: Record<TargetKind, TargetForm>
  videoPublicRead: boolean
  thresholdMiB: string
  partSizeMiB: string
  systemName: string
  batchSize: string
  batchBytes: string
}

export const TARGET_KINDS: readonly TargetKind[] = ['image', 'video', 'file']

const emptyTarget = (): TargetForm => ({ bucket: '', publicUrl: '', prefix: '' })

export function emptyProfileForm(): ProfileForm {
  return {
    name: '',
    url: '',
    apiVersion: 'auto',
    editorUrl: '',
    tokenEnv: '',
    endpoint: '',
    region: 'us-east-1',
    forcePathStyle: false,
    credentials: 'keys',
    awsProfile: '',
    accessKeyIdEnv: '',
    secretAccessKeyEnv: '',
    targets: { image: emptyTarget(), video: emptyTarget(), file: emptyTarget() },
    videoPublicRead: false,
    thresholdMiB: '',
    partSizeMiB: '',
    systemName: '',
    batchSize: '',
    batchBytes: '',
  }
}

export function formFromProfile(p: Profile): ProfileForm {
  const creds = p.storage.credentials
  const target = (t: Profile['storage']['image']): TargetForm => ({
    bucket: t.bucket,
    publicUrl: t.publicUrl,
    prefix: t.prefix ?? '',
  })
  return {
    name: p.name,
    url: p.livingdocs.url,
    apiVersion: p.livingdocs.apiVersion,
    editorUrl: p.livingdocs.editorUrl ?? '',
    tokenEnv: p.livingdocs.tokenEnv,
    endpoint: p.storage.endpoint ?? '',
    region: p.storage.region,
    forcePathStyle: p.storage.forcePathStyle ?? false,
    credentials: !creds ? 'chain' : 'profile' in creds ? 'aws-profile' : 'keys',
    awsProfile: creds && 'profile' in creds ? creds.profile : '',
    accessKeyIdEnv: creds && 'accessKeyIdEnv' in creds ? creds.accessKeyIdEnv : '',
    secretAccessKeyEnv: creds && 'secretAccessKeyEnv' in creds ? creds.secretAccessKeyEnv : '',
    targets: { image: target(p.storage.image), video: target(p.storage.video), file: target(p.storage.file) },
    videoPublicRead: p.storage.videoPublicRead ?? false,
    thresholdMiB: p.storage.multipart?.thresholdMiB?.toString() ?? '',
    partSizeMiB: p.storage.multipart?.partSizeMiB?.toString() ?? '',
    systemName: p.import.systemName,
    batchSize: p.import.batchSize?.toString() ?? '',
    batchBytes: p.import.batchBytes?.toString() ?? '',
  }
}

/** `MEDIA_IMPORT_STAGING_TOKEN` for "Staging": a name the CLI can be given the secret under. */
export function envNameFor(profileName: string, what: string): string {
  const stem = profileName
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return `MEDIA_IMPORT_${stem || 'PROFILE'}_${what}`
}

/** A number typed in, or the text itself so the schema names the field that is not one. */
const numberOr = (text: string): number | string | undefined => {
  const t = text.trim()
  if (t === '') return undefined
  return /^\d+$/.test(t) ? Number(t) : t
}

/** Only the keys with a value: the format's optional fields are absent, not empty. */
function present<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>
}

export function profileFromForm(f: ProfileForm): Record<string, unknown> {
  const name = f.name.trim()
  const target = (t: TargetForm) =>
    present({ bucket: t.bucket.trim(), publicUrl: t.publicUrl.trim(), prefix: t.prefix })
  const credentials =
    f.credentials === 'chain'
      ? undefined
      : f.credentials === 'aws-profile'
        ? { profile: f.awsProfile.trim() }
        : {
            accessKeyIdEnv: f.accessKeyIdEnv.trim() || envNameFor(name, 'S3_KEY_ID'),
            secretAccessKeyEnv: f.secretAccessKeyEnv.trim() || envNameFor(name, 'S3_SECRET'),
          }
  const multipart = present({ thresholdMiB: numberOr(f.thresholdMiB), partSizeMiB: numberOr(f.partSizeMiB) })
  return {
    name,
    livingdocs: present({
      url: f.url.trim(),
      apiVersion: f.apiVersion.trim(),
      tokenEnv: f.tokenEnv.trim() || envNameFor(name, 'TOKEN'),
      editorUrl: f.editorUrl.trim(),
    }),
    storage: present({
      endpoint: f.endpoint.trim(),
      region: f.region.trim(),
      forcePathStyle: f.forcePathStyle || undefined,
      credentials,
      image: target(f.targets.image),
      video: target(f.targets.video),
      file: target(f.targets.file),
      videoPublicRead: f.videoPublicRead || undefined,
      multipart: Object.keys(multipart).length > 0 ? multipart : undefined,
    }),
    import: present({
      systemName: f.systemName.trim(),
      batchSize: numberOr(f.batchSize),
      batchBytes: numberOr(f.batchBytes),
    }),
  }
}
