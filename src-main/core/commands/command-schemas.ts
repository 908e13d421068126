/**
 * Payload schemas for every command in the contract. Main (and the test bridge) parse each
 * incoming argument with these before anything acts on it. The `satisfies` clause makes a
 * schema that drifts from `contract.ts` a compile error.
 */
import { isAbsolute } from 'node:path'
import { z } from 'zod'
import type { CommandArg, CommandName } from '../../contract'
import { editSchemas } from './edit-schemas'
import { folderSchemas } from './folder-handlers'
import { importSchemas } from './import-handlers'
import { localeAssetSchemas } from './locale-asset-handlers'
import { posterFrameSchemas } from './poster-frame-handlers'
import { profileSchemas } from './profile-handlers'
import { rowActionSchemas } from './row-action-handlers'
import { supportSchemas } from './support-handlers'
import { templateSchemas } from './template-handlers'
import { uploadSchemas } from './upload-handlers'
import { workspaceSchemas } from './session-list-handlers'

const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'path contains a NUL byte')
  // Relative paths would resolve against main's working directory, not where the editor dropped.
  .refine((p) => isAbsolute(p), 'path must be absolute (a full path such as /Users/ed/Photos)')

const none = z.undefined()

export const commandSchemas = {
  getAppInfo: none,
  getSnapshot: z
    .object({
      limit: z.number().int().min(1).max(1_000_000),
      snapshotId: z.number().int().min(1).optional(),
      from: z.number().int().min(0).optional(),
    })
    .strict()
    .optional(),
  addPaths: z.object({ paths: z.array(absolutePath).min(1).max(10_000) }).strict(),
  pickPaths: z.object({ kind: z.enum(['folders', 'files']) }).strict(),
  ...folderSchemas,
  cancelScan: z.object({ scanId: z.string().min(1).max(100) }).strict(),
  clearRows: none,
  ...editSchemas,
  ...templateSchemas,
  ...importSchemas,
  ...localeAssetSchemas,
  ...supportSchemas,
  ...profileSchemas,
  ...rowActionSchemas,
  ...posterFrameSchemas,
  ...workspaceSchemas,
  ...uploadSchemas,
} satisfies { [K in CommandName]: z.ZodType<CommandArg<K>> }
