import { describe, expect, it } from 'vitest'
import type { ImportEntry } from '../model/livingdocs'
import { bodyBytes, planBatches, prepareEntry, splitBatch } from './batching'

const entry = (id: string, titleLength = 10): ImportEntry => ({
  id,
  mediaType: 'file',
  asset: { key: `${id}.pdf`, url: `http://s3/${id}.pdf`, size: 1, mimeType: 'application/pdf', filename: `${id}.pdf` },
  metadata: { title: 'é'.repeat(titleLength) },
})
const many = (n: number, titleLength?: number) =>
  Array.from({ length: n }, (_, i) => prepareEntry(entry(`e-${i}`, titleLength)))

describe('bodyBytes', () => {
  it('equals the byte length of the body the client sends', () => {
    const entries = many(3)
    const body = `{"mediaLibraryEntries":[${entries.map((e) => e.json).join(',')}]}`
    expect(bodyBytes(entries)).toBe(Buffer.byteLength(body))
    expect(bodyBytes([])).toBe(Buffer.byteLength('{"mediaLibraryEntries":[]}'))
  })

  it('counts multi-byte characters as bytes', () => {
    const [e] = many(1, 100)
    expect(e!.bytes).toBe(Buffer.byteLength(JSON.stringify(e!.entry)))
    expect(e!.bytes).toBeGreaterThan(e!.json.length)
  })
})

describe('planBatches', () => {
  it('bounds batches by count, keeping order', () => {
    const batches = planBatches(many(250), { maxCount: 100, maxBytes: 10_000_000 })
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50])
    expect(batches.flat().map((e) => e.entry.id)).toEqual(many(250).map((e) => e.entry.id))
  })

  it('bounds batches by bytes, never exceeding the limit', () => {
    const entries = many(50, 500)
    const maxBytes = 5_000
    const batches = planBatches(entries, { maxCount: 100, maxBytes })
    expect(batches.length).toBeGreaterThan(1)
    for (const batch of batches) expect(bodyBytes(batch)).toBeLessThanOrEqual(maxBytes)
    expect(batches.flat()).toHaveLength(50)
  })

  it('gives an entry larger than the limit a batch of its own', () => {
    const entries = [...many(2), prepareEntry(entry('huge', 5_000)), ...many(1)]
    const batches = planBatches(entries, { maxCount: 100, maxBytes: 2_000 })
    expect(batches.map((b) => b.map((e) => e.entry.id))).toEqual([['e-0', 'e-1'], ['huge'], ['e-0']])
  })

  it('plans nothing for no entries', () => {
    expect(planBatches([])).toEqual([])
  })
})

describe('splitBatch', () => {
  it('halves, the first half taking the odd one', () => {
    expect(splitBatch([1, 2, 3, 4, 5])).toEqual([
      [1, 2, 3],
      [4, 5],
    ])
    expect(splitBatch([1])).toEqual([[1], []])
  })
})
