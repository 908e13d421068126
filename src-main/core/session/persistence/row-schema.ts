/**
 * What a session file may hold, checked on every read: a damaged or hand-edited file must not
 * put a row into the session that the pipeline then trips over. Fields the pipeline acts on are
 * checked strictly; descriptive facts (embedded metadata, prefill, warnings) only for their shape,
 * and unknown fields are kept, so a file written by a newer version still opens.
 */
import { z } from 'zod'
import type { Row, RowStatus } from '../../model/row'
import {
  isRowShape,
  REQUIRED,
  shapeProblem,
  withoutStrayFields,
  type RowCandidate,
} from '../../../../src-shared/rows/row-shape'

const text = z.string()
const count = z.number().finite().nonnegative()
const kind = z.enum(['image', 'video', 'file'])

/** The statuses, in the order `src-shared/rows/row-shape.ts` lists what each requires. */
const STATUSES = Object.keys(REQUIRED) as [RowStatus, ...RowStatus[]]
export const rowStatusSchema = z.enum(STATUSES)

const fieldIssue = z.looseObject({ field: text, message: text, source: z.enum(['client', 'server']) })

export const entrySchema = z.looseObject({
  id: text,
  mediaType: text.optional(),
  systemName: text.optional(),
  externalId: text.optional(),
  metadata: z.record(text, z.unknown()),
  translations: z.record(text, z.looseObject({ metadata: z.record(text, z.unknown()) })),
})

export const assetUploadSchema = z.looseObject({
  state: z.enum(['queued', 'uploading', 'paused', 'uploaded', 'failed', 'cancelled']),
  bytesSent: count,
  bytesTotal: count,
  bytesPerSecond: count.optional(),
  etaSeconds: count.optional(),
  bucket: text.optional(),
  key: text.optional(),
  url: text.optional(),
  etag: text.optional(),
  error: z.looseObject({ code: text, message: text, retryable: z.boolean() }).optional(),
})

const localeAsset = z.looseObject({
  path: text,
  size: count,
  mtimeMs: z.number().finite(),
  kind,
  mimeType: text,
  extension: text,
  sha256: text.optional(),
  width: count.optional(),
  height: count.optional(),
  duration: count.optional(),
  upload: assetUploadSchema.optional(),
})

const alreadyInLibrary = z.looseObject({
  mediaId: text,
  createdAt: text.optional(),
  externalId: text.optional(),
  origin: text,
})

const rowFields = {
  rowId: text.min(1),
  path: text,
  relativePath: text,
  size: count,
  mtimeMs: z.number().finite(),
  status: rowStatusSchema,
  reason: text.optional(),
  kind: kind.optional(),
  mimeType: text.optional(),
  result: z.looseObject({ mediaId: text, record: z.record(text, z.unknown()) }).optional(),
  issues: z.array(fieldIssue).optional(),
  conflict: z
    .looseObject({ field: z.enum(['externalId', 'id']), existing: z.looseObject({ mediaId: text }) })
    .optional(),
  inLibrary: alreadyInLibrary.optional(),
  contentMatch: alreadyInLibrary.optional(),
  identitySuffix: text.optional(),
  importFailure: z.looseObject({ reason: text, retryable: z.boolean() }).optional(),
  submitAttempts: z.int().nonnegative().optional(),
  sha256: text.optional(),
  extension: text.optional(),
  width: count.optional(),
  height: count.optional(),
  duration: count.optional(),
  orientation: z.number().optional(),
  codec: text.optional(),
  animated: z.boolean().optional(),
  warnings: z.array(z.looseObject({ code: text, message: text })).optional(),
  embedded: z.record(text, z.unknown()).optional(),
  probeError: z.looseObject({ code: text, message: text, canImportAsFile: z.boolean() }).optional(),
  duplicateOf: text.optional(),
  thumbnail: text.optional(),
  thumbnailUnavailable: text.optional(),
  prefill: z
    .looseObject({
      metadata: z.record(text, z.unknown()),
      sources: z.record(text, z.unknown()),
      fallback: z.array(text),
    })
    .optional(),
  entry: entrySchema.optional(),
  upload: assetUploadSchema.optional(),
  localeAssets: z.record(text, localeAsset).optional(),
  update: z
    .looseObject({
      state: z.enum(['pending', 'sending', 'updated', 'failed']),
      confirmed: z.record(text, z.unknown()),
      sent: z
        .looseObject({
          version: z.number().optional(),
          patches: z.array(z.looseObject({ operation: z.literal('setMetadataProperty'), propertyName: text })),
        })
        .optional(),
      error: z.looseObject({ reason: text, retryable: z.boolean() }).optional(),
    })
    .optional(),
}

type FieldName = keyof typeof rowFields

/** One status's row: its literal status, and the fields it requires (src-shared/rows/row-shape.ts) no longer optional. */
function statusRow(status: RowStatus) {
  const required: Partial<Record<FieldName, true>> = {}
  for (const field of REQUIRED[status]) if (field in rowFields) required[field as FieldName] = true
  return z.looseObject({ ...rowFields, status: z.literal(status) }).required(required)
}

const [firstStatus, ...otherStatuses] = STATUSES

/**
 * A row as the `Row` union has it: by its status, with the fields that status requires. A row
 * of a known status without one (`imported` without `result`) is invalid: a snapshot naming it
 * is damaged, a journal line holding it is skipped like a torn line.
 */
export const rowSchema = z.discriminatedUnion('status', [statusRow(firstStatus), ...otherStatuses.map(statusRow)])

/** A change to a row as the journal records it: any subset of the fields except the id. */
export const rowChangeSchema = z.looseObject(rowFields).omit({ rowId: true }).partial()

/**
 * The row as read, or the first problem as `field: message`. A field its status cannot hold (a
 * stale one an older version left) is dropped, as a move to that status would drop it.
 */
export function readRow(raw: unknown): { row: Row } | { problem: string } {
  const parsed = rowSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { problem: `${issue?.path.join('.') || '(row)'}: ${issue?.message ?? 'invalid'}` }
  }
  // The schema checks descriptive facts (embedded metadata, prefill) for their shape only.
  const row = withoutStrayFields(parsed.data as RowCandidate)
  return isRowShape(row) ? { row } : { problem: `(row): ${shapeProblem(row)}` }
}
