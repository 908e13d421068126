import { describe, expect, it } from 'vitest'
import { imageRow, sandboxProject } from '../editing/testing/rows'
import type { Row } from '../model/row'
import { Session } from '../session/session'
import { importRowsAgain, importRowsAsFiles, linkRowsToExisting } from './row-actions'
import { rowsToSubmit } from './row-outcome'

const conflictRow = (n: number, field: 'externalId' | 'id' = 'externalId'): Row =>
  imageRow(
    n,
    { systemName: 'dpa', externalId: `dpa-${n}` },
    {
      status: 'conflict',
      submitAttempts: 1,
      conflict: { field, existing: { mediaId: `theirs-${n}`, systemName: 'dpa', externalId: `dpa-${n}` } },
      issues: [{ field, message: 'The library already holds entry …', source: 'server' }],
    },
  )

const truncatedJpeg = (n: number, canImportAsFile = true): Row =>
  imageRow(
    n,
    {},
    {
      status: 'unreadable',
      reason: 'Truncated JPEG: the file ends early. Import it as a file, or copy it again.',
      probeError: { code: 'truncated', message: 'Truncated JPEG: the file ends early.', canImportAsFile },
      upload: undefined,
      width: undefined,
      height: undefined,
      entry: { id: `entry-${n}`, mediaType: 'image', metadata: { title: 'cut', caption: 'kept?' }, translations: {} },
    },
  )

describe('linking conflict rows to the library entry', () => {
  it('makes the row imported with the existing media id, marked linked, and refuses the others with a reason', async () => {
    const session = new Session({ flushMs: 10_000, rows: [conflictRow(1), conflictRow(2, 'id'), imageRow(3)] })
    const report = await linkRowsToExisting(session, ['row-1', 'row-2', 'row-3', 'row-9', 'row-1'])
    expect(report).toMatchObject({ done: 1, refused: 3 })
    expect(report.rows[0]).toMatchObject({ rowId: 'row-1', done: true, mediaId: 'theirs-1' })
    expect(report.rows.slice(1).map((r) => [r.rowId, r.message])).toEqual([
      ['row-2', expect.stringMatching(/holds this row's entry id but is a different entry; it cannot be linked/)],
      ['row-3', expect.stringMatching(/^Reportage\/IMG_0003\.jpg has no conflict/)],
      ['row-9', expect.stringMatching(/no row row-9/)],
    ])
    const linked = session.getRow('row-1')
    expect(linked).toMatchObject({
      status: 'imported',
      result: { mediaId: 'theirs-1', record: { mediaId: 'theirs-1', externalId: 'dpa-1', linked: true } },
      issues: [],
    })
    expect(linked?.conflict).toBeUndefined()
    // Never sent again, by submit or re-submit.
    const rows = session.snapshot().rows
    expect(rowsToSubmit(rows, 'failed').map((r) => r.rowId)).toEqual(['row-2'])
    expect(rowsToSubmit(rows, 'all').map((r) => r.rowId)).toEqual(['row-2', 'row-3'])
    // A second link is refused: the row is imported now.
    expect((await linkRowsToExisting(session, ['row-1'])).rows[0]?.message).toMatch(
      /already imported \(media id theirs-1\)/,
    )
  })
})

describe('importing a damaged image as a file', () => {
  it('turns it into a file row of the file media type that uploads, keeping MIME, size and the problem as a warning', async () => {
    const session = new Session({ flushMs: 10_000, rows: [truncatedJpeg(1), truncatedJpeg(2, false), imageRow(3)] })
    const report = await importRowsAsFiles(session, ['row-1', 'row-2', 'row-3'], { project: sandboxProject })
    expect(report).toMatchObject({ done: 1, refused: 2 })
    expect(report.rows.map((r) => r.done)).toEqual([true, false, false])
    expect(report.rows[1]?.message).toMatch(/cannot be imported as a file: Truncated JPEG/)
    expect(report.rows[2]?.message).toMatch(/was read without a problem/)
    const row = session.getRow('row-1')
    expect(row).toMatchObject({ status: 'probed', kind: 'file', mimeType: 'image/jpeg', size: 1001, extension: 'jpg' })
    expect(row?.probeError).toBeUndefined()
    expect(row?.reason).toBeUndefined()
    expect(row?.warnings?.at(-1)).toEqual({
      code: 'imported-as-file',
      message: 'Imported as a file: Truncated JPEG: the file ends early.',
    })
    // The image handle no longer fits; values the file type has no property for are dropped.
    const fileType = sandboxProject.mediaTypes.find((t) => t.kind === 'file')
    expect(row?.entry?.mediaType).toBe(fileType?.handle)
    const handles = new Set(fileType?.properties.map((p) => p.handle))
    for (const key of Object.keys(row?.entry?.metadata ?? {})) expect(handles.has(key), key).toBe(true)
    expect(row?.entry?.metadata.title).toBe('cut')
    // Refused rows are untouched.
    expect(session.getRow('row-2')?.status).toBe('unreadable')
  })
})

describe('importing again as a new entry', () => {
  const known = (n: number): Row =>
    imageRow(
      n,
      {},
      {
        status: 'in-library',
        sha256: 'ab'.repeat(32),
        upload: undefined,
        inLibrary: { mediaId: `theirs-${n}`, origin: 'file "a.jpg", imported by "archive" (found in the library)' },
      },
    )

  it('gives rows already in the library a new content identity and makes them ready to upload; refuses others', async () => {
    const session = new Session({ flushMs: 10_000, rows: [known(1), known(2), imageRow(3)] })
    const now = () => new Date('2026-12-07T20:01:02.345Z')
    const report = await importRowsAgain(session, ['row-1', 'row-2', 'row-3'], now)
    expect(report).toMatchObject({ done: 2, refused: 1 })
    expect(report.rows[0]?.message).toMatch(
      /will be imported again as a new entry \(externalId "sha256-(ab){32}-again-20261207t200102z-[0-9a-z]{4}"\); the library then holds this content twice/,
    )
    expect(report.rows[2]?.message).toContain('is not marked "Already in the library"')
    const again = session.getRow('row-1')
    expect(again).toMatchObject({ status: 'probed', identitySuffix: expect.stringMatching(/^20261207t200102z-/) })
    expect(again?.inLibrary).toBeUndefined()
    // Two rows of one choice get different identities.
    expect(session.getRow('row-2')?.identitySuffix).not.toBe(again?.identitySuffix)
  })
})
