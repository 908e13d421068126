import { describe, expect, it } from 'vitest'
import {
  againSuffix,
  alreadyInLibrary,
  contentExternalId,
  describeInLibrary,
  editorExternalId,
  holderOf,
  rowContentId,
} from './content-identity'

const hex = 'AB'.repeat(32)

describe('content identity', () => {
  it('is sha256- and the whole hash in lower case (71 characters), with the suffix of "import again"', () => {
    expect(contentExternalId(hex)).toBe(`sha256-${'ab'.repeat(32)}`)
    expect(contentExternalId(hex)).toHaveLength(71)
    expect(contentExternalId(hex, 'x1')).toBe(`sha256-${'ab'.repeat(32)}-again-x1`)
    // Anything that is not a whole sha256 gives no identity (never a shortened, colliding one).
    expect(contentExternalId('abc')).toBeUndefined()
  })

  it('belongs to a probed row without a probe error; the editor externalId counts only when not blank', () => {
    expect(rowContentId({ sha256: hex })).toMatch(/^sha256-/)
    expect(
      rowContentId({ sha256: hex, probeError: { code: 'corrupt', message: 'x', canImportAsFile: true } }),
    ).toBeUndefined()
    expect(rowContentId({})).toBeUndefined()
    expect(editorExternalId({ entry: { id: 'e', externalId: '  ', metadata: {}, translations: {} } })).toBeUndefined()
    expect(editorExternalId({ entry: { id: 'e', externalId: 'dpa-1', metadata: {}, translations: {} } })).toBe('dpa-1')
  })

  it('new suffixes differ for the same moment', () => {
    const now = new Date('2026-12-07T20:01:02.345Z')
    let n = 0
    const next = () => (n++ % 2) / 2
    expect(againSuffix(now, next)).not.toBe(againSuffix(now, next))
  })

  it('says in plain words which entry holds the file, since when and where it came from', () => {
    const found = alreadyInLibrary(
      holderOf({
        id: 'm-1',
        systemName: 'archive',
        externalId: `sha256-${hex}`,
        filename: 'harbour.jpg',
        record: { createdAt: '2026-12-01T09:00:00.000Z' },
      }),
    )
    expect(describeInLibrary(found)).toBe(
      'Already in the library as entry m-1 on 2026-12-01: file "harbour.jpg", imported by "archive" (found in the library). Not uploaded, not submitted.',
    )
  })
})
