/**
 * Keeps every row's `issues` current (ARCHITECTURE.md, "Validation before any request"): whenever a row's entry, upload or status
 * changes, its entry is validated again in core, and so are the rows whose uniqueness the change
 * touched. What the server said stays until the editor edits that field (the editor removes it);
 * a file that is still uploading is not marked for it, the upload column says so.
 */
import type { ProjectModel } from '../model/livingdocs'
import { draftOf } from '../pipeline/row-assets'
import type { FieldIssue, Row, RowStatus } from '../model/row'
import type { Session } from '../session/session'
import { validateEntry } from '../validation/validate-entry'
import { IdentityIndex } from '../validation/entry-index'

/** Rows that can still become entries and are not in the middle of being sent. */
const VALIDATED: readonly RowStatus[] = ['probed', 'uploading', 'uploaded', 'upload-failed', 'rejected', 'conflict']

export interface RowValidatorOptions {
  project: () => ProjectModel | undefined
  defaultSystemName?: () => string | undefined
}

type Signature = readonly unknown[]

const signatureOf = (row: Row): Signature => [
  row.entry,
  row.status,
  row.kind,
  row.upload?.state,
  row.upload?.key,
  row.localeAssets,
]

const sameSignature = (a: Signature | undefined, b: Signature): boolean =>
  a !== undefined && a.length === b.length && a.every((v, i) => v === b[i])

/** A library entry holding this row's externalId (or id): validation cannot know it, the pre-flight lookup did. */
function conflictIssues(row: Row): FieldIssue[] {
  const conflict = row.conflict
  if (!conflict) return []
  const { existing } = conflict
  const value =
    conflict.field === 'externalId' ? `externalId "${existing.externalId ?? row.entry?.externalId ?? ''}"` : 'this id'
  return [
    {
      field: conflict.field,
      message: `The library already holds entry ${existing.mediaId} with ${value}: change it, or link this row to that entry.`,
      // Worked out from the row's conflict on every pass (like validation), so it is never kept twice.
      source: 'client',
    },
  ]
}

export function sameIssues(a: readonly FieldIssue[] | undefined, b: readonly FieldIssue[]): boolean {
  const left = a ?? []
  return (
    left.length === b.length &&
    left.every((x, i) => x.field === b[i]?.field && x.message === b[i]?.message && x.source === b[i]?.source)
  )
}

export class RowValidator {
  private readonly identities: IdentityIndex
  private readonly seen = new Map<string, Signature>()
  private readonly unsubscribe: (() => void)[]

  constructor(
    private readonly session: Session,
    private readonly options: RowValidatorOptions,
  ) {
    this.identities = new IdentityIndex(() => options.defaultSystemName?.())
    this.unsubscribe = [
      session.onRows((rows) => this.changed(rows)),
      // Removed rows free their ids: the rows they duplicated are unique again.
      session.onPatch((patch) => this.removed(patch.remove)),
    ]
    this.changed(session.snapshot().rows)
  }

  dispose(): void {
    for (const off of this.unsubscribe) off()
  }

  /** The issues the row has now: client checks from scratch, plus what the server said. */
  issuesOf(row: Row): FieldIssue[] {
    const server = (row.issues ?? []).filter((issue) => issue.source === 'server')
    const project = this.options.project()
    if (!project || !row.entry || !VALIDATED.includes(row.status)) return row.issues ?? []
    const draft = draftOf(row)
    const defaultSystemName = this.options.defaultSystemName?.()
    const client = validateEntry(project, draft, this.identities.index, defaultSystemName ? { defaultSystemName } : {})
    const uploaded = row.upload?.state === 'uploaded'
    const pendingLocale = (field: string): boolean => {
      const locale = /^translations\.([^.]+)\.asset$/.exec(field)?.[1]
      return locale !== undefined && row.localeAssets?.[locale]?.upload?.state !== 'uploaded'
    }
    const shown = client.filter((issue) => !(issue.field === 'asset' && !uploaded) && !pendingLocale(issue.field))
    return [...shown, ...conflictIssues(row), ...server]
  }

  private changed(rows: readonly Row[]): void {
    const again = new Set<string>()
    for (const row of rows) {
      const signature = signatureOf(row)
      if (sameSignature(this.seen.get(row.rowId), signature)) continue
      this.seen.set(row.rowId, signature)
      for (const other of this.identities.set(row.rowId, row.entry)) again.add(other)
      again.add(row.rowId)
    }
    for (const rowId of again) this.revalidate(rowId)
  }

  private removed(rowIds: readonly string[]): void {
    const again = new Set<string>()
    for (const rowId of rowIds) {
      if (this.session.getRow(rowId)) continue
      this.seen.delete(rowId)
      for (const other of this.identities.set(rowId, undefined)) again.add(other)
    }
    for (const rowId of again) this.revalidate(rowId)
  }

  private revalidate(rowId: string): void {
    const row = this.session.getRow(rowId)
    if (!row) {
      this.identities.set(rowId, undefined)
      this.seen.delete(rowId)
      return
    }
    const issues = this.issuesOf(row)
    if (!sameIssues(row.issues, issues)) this.session.updateRow(rowId, { issues })
  }
}
