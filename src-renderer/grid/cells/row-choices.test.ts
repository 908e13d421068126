import { describe, expect, it } from 'vitest'
import type { Row } from '../../../src-main/contract'
import {
  canChangeExternalId,
  canImportAsFile,
  canResubmit,
  choiceGroups,
  confirmChoice,
  describeChoice,
  hasRowChoices,
  importAgainTargets,
  linkTarget,
  needsProfileFix,
  valuesToShorten,
} from './row-choices'
import { filledRow } from '../../../src-shared/rows/testing/example-rows'

const row = (rowId: string, over: Partial<Row> = {}): Row =>
  filledRow({
    rowId,
    path: `/d/${rowId}`,
    relativePath: `d/${rowId}`,
    size: 1,
    mtimeMs: 0,
    status: 'uploaded',
    ...over,
  })

const conflict = (field: 'externalId' | 'id') => ({ field, existing: { mediaId: `lib-${field}` } })

describe('row choices', () => {
  const rows = [
    row('a', { status: 'conflict', conflict: conflict('externalId') }),
    row('b', { status: 'conflict', conflict: conflict('id') }),
    // The editor changed the externalId: the conflict is gone, nothing to link.
    row('c', { status: 'conflict' }),
    row('d', { status: 'unreadable', probeError: { code: 'truncated', message: 'cut', canImportAsFile: true } }),
    row('e', { status: 'unreadable', probeError: { code: 'unreadable', message: 'EACCES', canImportAsFile: false } }),
    row('f'),
  ]

  it('offers link only on externalId conflicts, import as file only where the bytes can go', () => {
    expect(rows.map(linkTarget)).toEqual(['lib-externalId', undefined, undefined, undefined, undefined, undefined])
    expect(rows.map(canImportAsFile)).toEqual([false, false, false, true, false, false])
    expect(rows.map(hasRowChoices)).toEqual([true, false, false, true, false, false])
    expect(choiceGroups(rows)).toMatchObject({
      link: ['a'],
      asFile: ['d'],
      again: [],
      shorten: [],
      resubmit: [],
      retry: [],
    })
  })

  // Issue #17: a video without duration was a dead end (the server refuses it as a video).
  it('offers import as file on a video without duration until it is sent', () => {
    const video = row('v', { kind: 'video', issues: [{ field: 'asset', message: 'no duration', source: 'client' }] })
    expect(canImportAsFile(video)).toBe(true)
    expect(choiceGroups([video]).asFile).toEqual(['v'])
    expect(canImportAsFile(filledRow({ ...video, duration: 3 }))).toBe(false)
    expect(canImportAsFile(filledRow({ ...video, status: 'submitting' }))).toBe(false)
    expect(canImportAsFile(filledRow({ ...video, status: 'imported', result: { mediaId: 'm', record: {} } }))).toBe(
      false,
    )
  })

  it('offers Re-submit on a row whose submit failed for a reason worth another try', () => {
    const failed = row('f', { importFailure: { reason: '503. Gave up after 6 attempt(s).', retryable: true } })
    expect(canResubmit(failed)).toBe(true)
    expect(hasRowChoices(failed)).toBe(true)
    expect(canResubmit(filledRow({ ...failed, importFailure: { reason: 'Too large.', retryable: false } }))).toBe(false)
    expect(canResubmit(row('g'))).toBe(false)
  })

  it('asks with the count before a choice changes many rows', () => {
    expect(confirmChoice('link', 3)).toMatch(/^Link 3 rows to the entries the library already holds\?/)
    expect(confirmChoice('asFile', 1)).toMatch(/^Import 1 row as plain files\?/)
    expect(confirmChoice('shorten', 12)).toMatch(/^Shorten 12 values\?/)
    expect(confirmChoice('resubmit', 2)).toMatch(/^Re-submit 2 rows\?/)
    expect(confirmChoice('retry', 1)).toMatch(/^Retry 1 upload\?/)
    expect(confirmChoice('again', 12)).toMatch(
      /^12 files will become new entries with new ids; the existing entries stay, so the library will hold each content twice\./,
    )
    expect(confirmChoice('again', 1)).toMatch(/^1 file will become a new entry with a new id; the existing entry stays/)
  })

  it('offers Shorten (counting values), Change the externalId, Retry and Fix the profile where rowState names them', () => {
    const long = {
      field: 'metadata.title',
      message: 'Title must be at most 200 characters (has 240).',
      source: 'client' as const,
    }
    const caption = {
      ...long,
      field: 'metadata.caption',
      message: 'Caption must be at most 2000 characters (has 2100).',
    }
    const taken = {
      field: 'externalId',
      message: 'externalId "x" is also used by 1 other row(s).',
      source: 'client' as const,
    }
    const tooLong = row('l', { issues: [long, caption] })
    const twin = row('t', { issues: [taken] })
    const upload = (code: string) => ({
      status: 'upload-failed' as const,
      upload: {
        state: 'failed' as const,
        bytesSent: 0,
        bytesTotal: 1,
        error: { code, message: code, retryable: true },
      },
    })
    const network = row('n', upload('network'))
    const denied = row('x', upload('access-denied'))
    expect(valuesToShorten(tooLong)).toBe(2)
    expect(canChangeExternalId(twin)).toBe(true)
    expect(canChangeExternalId(row('a', { status: 'conflict', conflict: conflict('externalId') }))).toBe(true)
    expect(needsProfileFix(denied)).toBe(true)
    expect(needsProfileFix(network)).toBe(false)
    expect([tooLong, twin, network, denied].map(hasRowChoices)).toEqual([true, true, true, true])
    expect(choiceGroups([tooLong, twin, network, denied])).toMatchObject({
      shorten: ['l'],
      shortenValues: 2,
      retry: ['n'],
      fixProfile: 1,
    })
  })

  it('offers "import again" for rows already in the library: in the error panel and for the selection', () => {
    const found = { mediaId: 'm-1', origin: 'file "a.jpg"' }
    const rows = [row('a', { status: 'in-library', inLibrary: found }), row('b'), row('c', { status: 'in-library' })]
    expect(choiceGroups(rows).again).toEqual(['a', 'c'])
    const byId = new Map(rows.map((r) => [r.rowId, r]))
    // Only the selected rows the library holds; a selected id without a row is left out.
    expect(importAgainTargets(byId, ['b', 'c', 'gone'])).toEqual(['c'])
    expect(importAgainTargets(byId, [])).toEqual([])
  })

  it('says what a choice did and why rows were not changed', () => {
    expect(describeChoice({ done: 2, refused: 0, rows: [] }, 'linked')).toBe('2 rows linked.')
    expect(
      describeChoice(
        {
          done: 1,
          refused: 3,
          rows: [
            { done: true, message: 'ok' },
            { done: false, message: 'd/x has no conflict with a library entry.' },
            { done: false, message: 'other' },
          ],
        },
        'linked',
      ),
    ).toBe('1 row linked. Not changed: d/x has no conflict with a library entry. (and 2 more not changed)')
  })
})
