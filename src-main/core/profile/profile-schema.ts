/**
 * The profile file: where a Livingdocs project and its S3 storage live, shared by the app and
 * the CLI. Secrets are never in it, only the names of the environment variables holding them.
 * Objects are strict: a misspelt key is an error, not a setting silently ignored.
 */
import { z } from 'zod'
import { isSecureOrLocal } from '../../../src-shared/urls/url-origin'

/** A fixed API version is `YYYY-MM` (docs/reference/livingdocs-api.md §3); `auto` asks the server. */
// `v1` and `beta` are Livingdocs API versions too (servers before 2025-03 have only `v1`).
const apiVersionPattern = /^(auto|v1|beta|\d{4}-(0[1-9]|1[0-2]))$/
const envVarNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/

/** A field's own wording; a missing field falls through to the generic "is required" (profile-issues.ts). */
const expecting =
  (message: string) =>
  (issue: { input?: unknown }): string | undefined =>
    issue.input === undefined ? undefined : message

const httpUrl = z.url({
  protocol: /^https?$/,
  error: expecting('expected an http(s) URL such as "https://example.com"'),
})

export const INSECURE_URL_MESSAGE =
  'must start with https:// (http:// is refused except for this computer: localhost, 127.0.0.1, ::1), so the token and keys are never sent unencrypted'

/**
 * Where secrets go (the token to the Livingdocs URL, signed S3 requests to the endpoint): https,
 * or http on this computer only (the Sandbox), so a token never crosses a network in clear text.
 */
// Judged only for a parseable http URL: anything else already has httpUrl's message.
const secureUrl = httpUrl.refine((url) => !/^http:/i.test(url) || !URL.canParse(url) || isSecureOrLocal(url), {
  error: INSECURE_URL_MESSAGE,
})

const envVarName = z.string().regex(envVarNamePattern, {
  error: expecting('expected the NAME of an environment variable (letters, digits, _), not a value'),
})

const nonEmpty = z.string().min(1, { error: 'must not be empty' })

const storageTarget = z.strictObject({
  // Loose on purpose: S3-compatible stores and old us-east-1 buckets allow more than today's AWS rules.
  bucket: z.string().regex(/^[^/\s]+$/, { error: expecting('expected a bucket name (not empty, no "/" or spaces)') }),
  /**
   * Base the asset URL is built from: `url = publicUrl + '/' + key`. http stays allowed: no secret
   * is ever sent there, it is only written into entries for Livingdocs to fetch the file from.
   */
  publicUrl: httpUrl,
  /** Prepended to every key; keys must not start with "/" and "v/" is reserved (docs/reference/livingdocs-api.md §6). */
  prefix: z
    .string()
    .refine((p) => !p.startsWith('/') && !p.startsWith('v/'), {
      error: 'must not start with "/" or "v/" (Livingdocs reserves "v/" for image variants)',
    })
    .optional(),
})

const storageCredentials = z.union([
  z.strictObject({ profile: nonEmpty }),
  z.strictObject({ accessKeyIdEnv: envVarName, secretAccessKeyEnv: envVarName }),
])

export const profileSchema = z.strictObject({
  name: nonEmpty,
  livingdocs: z.strictObject({
    url: secureUrl,
    apiVersion: z
      .string()
      .regex(apiVersionPattern, { error: expecting('expected "auto" or a version like "2026-05", "v1" or "beta"') }),
    tokenEnv: envVarName,
    /** The Livingdocs editor's page for one entry, e.g. `https://edit.example.com/p/news/media-library/{mediaId}`. */
    editorUrl: z
      .string()
      .refine((t) => t.includes('{mediaId}'), { error: 'must contain {mediaId} where the entry id goes' })
      .refine((t) => /^https?:\/\/[^\s]+$/.test(t) && URL.canParse(t.split('{mediaId}').join('x')), {
        error: expecting(
          'expected an http(s) URL with {mediaId}, such as "https://edit.example.com/p/news/media-library/{mediaId}"',
        ),
      })
      .optional(),
  }),
  storage: z.strictObject({
    /** Absent: AWS itself. Set for S3-compatible stores (MinIO, R2, the sandbox). */
    endpoint: secureUrl.optional(),
    region: nonEmpty,
    forcePathStyle: z.boolean().optional(),
    /** Absent: the standard AWS chain (environment, shared config, SSO). */
    credentials: storageCredentials.optional(),
    image: storageTarget,
    video: storageTarget,
    file: storageTarget,
    videoPublicRead: z.boolean().optional(),
    /**
     * Files from `thresholdMiB` up go in parts of at least `partSizeMiB` (default 100 and 16). Smaller
     * parts lose less to a dropped connection on a slow line; S3 needs parts of 5 MiB or more.
     */
    multipart: z
      .strictObject({
        thresholdMiB: z
          .int()
          .min(5)
          .max(5 * 1024)
          .optional(),
        partSizeMiB: z
          .int()
          .min(5)
          .max(5 * 1024)
          .optional(),
      })
      .optional(),
  }),
  import: z.strictObject({
    systemName: nonEmpty,
    batchSize: z.int().min(1).max(1000).optional(),
    batchBytes: z.int().min(1000).optional(),
  }),
})

/** The profile as written in the file (validated). */
export type Profile = z.infer<typeof profileSchema>
export type StorageTargetSetting = z.infer<typeof storageTarget>
