import { describe, expect, it } from 'vitest'
import { imageRow } from '../../editing/testing/rows'
import { buildSessionsIndex, sessionHits } from './sessions-index'

const sha = 'ab'.repeat(32)
const imported = (n: number, record: Record<string, unknown>) =>
  imageRow(n, {}, { status: 'imported', sha256: sha.toUpperCase(), result: { mediaId: `m-${n}`, record } })

describe('the sessions index', () => {
  it('keeps, per content, the oldest entry under the systemName asked about (unknown systemNames count for any)', () => {
    const index = buildSessionsIndex([
      sessionHits('/s/a', { createdAt: '', name: 'A' }, [imported(1, { systemName: 'desk', createdAt: '2026-12-02' })]),
      sessionHits('/s/b', { createdAt: '' }, [imported(2, { systemName: 'desk', createdAt: '2026-12-01' })]),
      sessionHits('/s/c', { createdAt: '' }, [imported(3, { systemName: 'archive', createdAt: '2026-11-01' })]),
    ])
    expect(index.find(sha, 'desk')).toMatchObject({ mediaId: 'm-2', sessionName: 'Reportage', sessionDir: '/s/b' })
    expect(index.find(sha, 'archive')?.mediaId).toBe('m-3')
    expect(index.find(sha, 'elsewhere')).toBeUndefined()
    expect(index.find(sha)?.mediaId).toBe('m-3')
    const unknown = buildSessionsIndex([sessionHits('/s/d', { createdAt: '' }, [imported(4, {})])])
    expect(unknown.find(sha, 'elsewhere')?.mediaId).toBe('m-4')
  })

  it('takes only what is in the library, and reads nothing it cannot type-check', () => {
    const rows = [
      imported(1, { createdAt: 7 }),
      imageRow(2, {}, { status: 'uploaded', sha256: 'cd'.repeat(32) }),
      imageRow(3, {}, { status: 'in-library', sha256: 'ef'.repeat(32), inLibrary: { mediaId: 'm-3', origin: 'x' } }),
      { ...imported(4, {}), sha256: 42 } as unknown as ReturnType<typeof imageRow>,
    ]
    const hits = sessionHits('/s/a', { createdAt: '' }, rows)
    expect(hits.map(([content, hit]) => [content.slice(0, 2), hit.mediaId, hit.createdAt])).toEqual([
      ['ab', 'm-1', undefined],
      ['ef', 'm-3', undefined],
    ])
  })
})
