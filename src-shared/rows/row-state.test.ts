/**
 * `rowState` over every state a row can be in: the label the Status cell, the counts bar and the
 * CLI print, the full reason, and the ways out. Rows are built the way the core leaves them.
 */
import { describe, expect, it } from 'vitest'
import type { Row } from '../../src-main/core/model/row'
import { defaultFieldLabel, rowState, shortCause, type RowState } from './row-state'
import { filledRow } from './testing/example-rows'

const base: Row = {
  rowId: 'r1',
  path: '/drop/a.jpg',
  relativePath: 'drop/a.jpg',
  size: 1000,
  mtimeMs: 0,
  status: 'probed',
  kind: 'image',
  entry: { id: 'e1', mediaType: 'image', metadata: { title: 'A' }, translations: {} },
}
const row = (change: Partial<Row>): Row => filledRow({ ...base, ...change })
const uploaded = { state: 'uploaded', bytesSent: 1000, bytesTotal: 1000, key: 'k', url: 'http://s3/k' } as const
const GAVE_UP = 'The Livingdocs server is unavailable (503). Gave up after 6 attempt(s); re-submit to try again.'

const cases: [string, Row, Partial<RowState>][] = [
  [
    'skipped',
    row({ status: 'skipped', reason: 'Hidden file.' }),
    { kind: 'skipped', label: 'Skipped: Hidden file.', reason: 'Hidden file.', group: undefined },
  ],
  [
    'unreadable, can be imported as a file',
    row({
      status: 'unreadable',
      probeError: {
        code: 'truncated',
        message: 'Truncated JPEG: the file ends early. Import it as a file.',
        canImportAsFile: true,
      },
    }),
    {
      kind: 'unreadable',
      label: 'Cannot be read: Truncated JPEG: the file ends early.',
      waysOut: ['import-as-file'],
      group: undefined,
    },
  ],
  [
    'unreadable, no way out',
    row({ status: 'unreadable', reason: 'Permission denied (EACCES).' }),
    { kind: 'unreadable', label: 'Cannot be read: Permission denied (EACCES).', waysOut: [] },
  ],
  ['reading', row({ status: 'scanned' }), { kind: 'reading', label: 'Reading', group: 'uploading' }],
  ['waiting to upload', row({ status: 'probed' }), { kind: 'waiting', label: 'Waiting to upload', group: 'uploading' }],
  [
    'uploading n %',
    row({ status: 'uploading', upload: { state: 'uploading', bytesSent: 425, bytesTotal: 1000 } }),
    { kind: 'uploading', label: 'Uploading 42 %', group: 'uploading' },
  ],
  ['uploading, before the first report', row({ status: 'uploading' }), { kind: 'uploading', label: 'Uploading 0 %' }],
  [
    'paused',
    row({ status: 'uploading', upload: { state: 'paused', bytesSent: 1, bytesTotal: 1000 } }),
    { kind: 'paused', label: 'Paused' },
  ],
  [
    'upload cancelled',
    row({ status: 'probed', upload: { state: 'cancelled', bytesSent: 0, bytesTotal: 1000 } }),
    { kind: 'waiting', label: 'Upload cancelled', waysOut: ['retry-upload'] },
  ],
  [
    'upload failed: bucket missing → fix the profile',
    row({
      status: 'upload-failed',
      upload: {
        state: 'failed',
        bytesSent: 0,
        bytesTotal: 1000,
        error: {
          code: 'bucket-missing',
          message: 'Bucket ld-images does not exist. Check the profile.',
          retryable: false,
        },
      },
    }),
    {
      kind: 'upload-failed',
      label: 'Upload failed: Bucket ld-images does not exist.',
      reason: 'Bucket ld-images does not exist. Check the profile.',
      waysOut: ['fix-profile', 'retry-upload'],
      group: 'failed',
    },
  ],
  [
    'upload failed: network → retry',
    row({
      status: 'upload-failed',
      upload: {
        state: 'failed',
        bytesSent: 0,
        bytesTotal: 1000,
        error: { code: 'network', message: 'No connection.', retryable: true },
      },
    }),
    { kind: 'upload-failed', waysOut: ['retry-upload'] },
  ],
  [
    'needs attention: an invalid cell on an uploaded row',
    row({
      status: 'uploaded',
      upload: uploaded,
      issues: [{ field: 'metadata.title', message: 'Title is required.', source: 'client' }],
    }),
    {
      kind: 'needs-attention',
      label: 'Needs attention: Title',
      reason: 'Title: Title is required.',
      group: 'invalid',
      waysOut: [],
    },
  ],
  [
    'needs attention while still uploading',
    row({
      status: 'uploading',
      upload: { state: 'uploading', bytesSent: 1, bytesTotal: 9 },
      issues: [{ field: 'metadata.caption', message: 'must be at most 10 characters (has 12)', source: 'client' }],
    }),
    { kind: 'needs-attention', label: 'Needs attention: Caption', waysOut: ['shorten'] },
  ],
  [
    'refused by the server: fields named, counted as failed, re-submit',
    row({
      status: 'rejected',
      submitAttempts: 1,
      issues: [{ field: 'translations.fr.metadata.title', message: 'Too long.', source: 'server' }],
    }),
    {
      kind: 'needs-attention',
      label: 'Needs attention: Title (fr)',
      reason: 'The server refused the entry. Title (fr): Too long.',
      group: 'failed',
      waysOut: ['shorten', 'resubmit'],
    },
  ],
  [
    'a video without duration offers import as file',
    row({
      status: 'uploaded',
      kind: 'video',
      upload: uploaded,
      issues: [{ field: 'asset', message: 'The video asset has no duration in seconds.', source: 'client' }],
    }),
    { kind: 'needs-attention', label: 'Needs attention: File', waysOut: ['import-as-file'] },
  ],
  [
    'ready',
    row({ status: 'uploaded', upload: uploaded }),
    { kind: 'ready', label: 'Ready', group: 'ready', waysOut: [] },
  ],
  [
    'submitting',
    row({ status: 'submitting', upload: uploaded }),
    { kind: 'submitting', label: 'Importing', group: 'uploading' },
  ],
  [
    'imported (media id)',
    row({ status: 'imported', result: { mediaId: 'm-7', record: {} } }),
    { kind: 'imported', label: 'Imported', detail: 'm-7', group: 'imported' },
  ],
  [
    'already in the library (linked)',
    row({ status: 'imported', result: { mediaId: 'm-8', record: { linked: true } } }),
    { kind: 'in-library', label: 'Already in the library', detail: 'm-8', group: 'imported' },
  ],
  [
    'failed: the server answered 503 six times — not "Uploaded"',
    row({
      status: 'uploaded',
      upload: uploaded,
      submitAttempts: 1,
      importFailure: { reason: GAVE_UP, retryable: true },
    }),
    {
      kind: 'failed',
      label: 'Failed: The Livingdocs server is unavailable (503). (6 tries)',
      reason: GAVE_UP,
      detail: 'gave up after 6 tries',
      waysOut: ['resubmit'],
      group: 'failed',
    },
  ],
  [
    'failed, not worth retrying',
    row({
      status: 'uploaded',
      upload: uploaded,
      submitAttempts: 2,
      importFailure: { reason: 'This entry alone is larger than the server accepts.', retryable: false },
    }),
    { kind: 'failed', detail: 'sent 2 times', waysOut: [] },
  ],
  [
    'conflict on externalId (with whom)',
    row({
      status: 'conflict',
      entry: { ...base.entry!, externalId: 'AP-1' },
      conflict: { field: 'externalId', existing: { mediaId: 'm-1', externalId: 'AP-1', filename: 'old.jpg' } },
    }),
    {
      kind: 'conflict',
      label: 'Conflict: externalId held by library entry m-1 (old.jpg)',
      detail: 'm-1',
      waysOut: ['link', 'change-external-id'],
      group: 'failed',
    },
  ],
  [
    'conflict on the entry id: no link',
    row({ status: 'conflict', conflict: { field: 'id', existing: { mediaId: 'e1' } } }),
    { kind: 'conflict', label: 'Conflict: entry id held by library entry e1', waysOut: [] },
  ],
]

describe('rowState', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(rowState(input)).toMatchObject(expected)
  })

  it('covers every kind', () => {
    const kinds = new Set(cases.map(([, r]) => rowState(r).kind))
    expect([...kinds].sort()).toEqual(
      [
        'skipped',
        'unreadable',
        'reading',
        'waiting',
        'uploading',
        'paused',
        'upload-failed',
        'needs-attention',
        'ready',
        'submitting',
        'imported',
        'in-library',
        'failed',
        'conflict',
      ].sort(),
    )
  })

  it('uses the grid names of fields when given', () => {
    const r = row({ issues: [{ field: 'metadata.title', message: 'x', source: 'client' }] })
    expect(rowState(r, { fieldLabel: (f) => (f === 'metadata.title' ? 'Headline' : f) }).label).toBe(
      'Needs attention: Headline',
    )
  })
})

describe('wording helpers', () => {
  it('names fields the way an editor reads them', () => {
    expect(defaultFieldLabel('metadata.title')).toBe('Title')
    expect(defaultFieldLabel('metadata.copyrightNotice')).toBe('Copyright notice')
    expect(defaultFieldLabel('translations.de.asset')).toBe('File (de)')
    expect(defaultFieldLabel('externalId')).toBe('externalId')
  })

  it('keeps the first sentence and shortens a long one', () => {
    expect(shortCause('One. Two.')).toBe('One.')
    expect(shortCause('x'.repeat(200))).toHaveLength(90)
  })
})
