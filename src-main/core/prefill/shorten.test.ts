import { describe, expect, it } from 'vitest'
import { oneLine, shortenAtWord } from './shorten'

describe('shortenAtWord', () => {
  it('cuts at the last word that fits, marks the cut, and stays within the limit', () => {
    const out = shortenAtWord('Boats leave the harbour at dawn for the herring season', 30)
    expect(out).toBe('Boats leave the harbour at…')
    expect([...out].length).toBeLessThanOrEqual(30)
  })

  it('leaves text that fits alone, counts emoji as one character and never splits one', () => {
    expect(shortenAtWord('Short title', 11)).toBe('Short title')
    expect(shortenAtWord('😀😀😀😀😀😀', 4)).toBe('😀😀😀…')
  })

  it('cuts mid-word when the first half has no space, and drops trailing punctuation', () => {
    expect(shortenAtWord('Donaudampfschifffahrtsgesellschaft', 10)).toBe('Donaudamp…')
    expect(shortenAtWord('Zurich, Geneva, Basel and Bern', 16)).toBe('Zurich, Geneva…')
  })

  it('joins lines for one-line fields', () => {
    expect(oneLine('Line one\r\n  line two\n')).toBe('Line one line two')
  })
})
