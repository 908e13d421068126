/**
 * Client-side validation of one row's entry (ARCHITECTURE.md, "Validation before any request"): the same rules the server applies,
 * evaluated before anything is sent and on every edit. Pure; each issue names the field path the
 * grid marks. A row with any issue is held back from submitting.
 */
import type { EntryDraft } from '../livingdocs/entry-builder'
import { findMediaType } from '../../../src-shared/project/project-model'
import type { ProjectModel } from '../model/livingdocs'
import type { FieldIssue, MediaKind } from '../model/row'
import { assetProblems } from './asset-rules'
import type { EntryIndex } from './entry-index'
import { identityIssues } from './identity-rules'
import { metadataIssues } from './metadata-rules'

export interface ValidationInput extends EntryDraft {
  rowId: string
  /** The kind the file's bytes showed (probe), to catch an image sent as a video type. */
  kind?: MediaKind
  /**
   * The content identity (`sha256-…`, importer/content-identity.ts) the entry is sent with when
   * the editor sets no externalId. Not validated as the editor's: two rows of the same bytes are
   * one entry, and the server's answer for the second says so.
   */
  contentId?: string
}

export interface ValidationOptions {
  /** The profile's `import.systemName`, used when a row sets none. */
  defaultSystemName?: string
}

const issue = (field: string, message: string): FieldIssue => ({ field, message, source: 'client' })

export function validateEntry(
  model: ProjectModel,
  input: ValidationInput,
  index: EntryIndex,
  options: ValidationOptions = {},
): FieldIssue[] {
  const issues = identityIssues(input.rowId, input.entry, index, options.defaultSystemName)
  const handle = input.entry.mediaType
  const type = findMediaType(model, handle)
  if (!type) {
    const handles = model.mediaTypes.map((t) => t.handle).join(', ')
    const message = handle
      ? `"${handle}" is not a media type of this project: choose one of ${handles}.`
      : `Choose a media type (${handles}).`
    return [...issues, issue('mediaType', message)]
  }
  // A `mediaFile` type takes any file; image and video types need their own kind of bytes.
  if (input.kind && type.kind !== 'file' && type.kind !== input.kind) {
    issues.push(
      issue(
        'mediaType',
        `This file is ${input.kind === 'image' ? 'an image' : `a ${input.kind}`}, but "${type.handle}" is a ${type.kind} media type.`,
      ),
    )
  }
  for (const problem of assetProblems(input.asset, type.kind, input.uploadFailures?.asset))
    issues.push(issue('asset', problem))
  issues.push(...metadataIssues(model, type, input))
  return issues
}
