import { describe, expect, it } from 'vitest'
import { parseTsv, toTsv } from './tsv'

describe('parseTsv', () => {
  it('reads rows and cells as Excel copies them, without an extra row for the final line break', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
    expect(parseTsv('one')).toEqual([['one']])
    expect(parseTsv('a\t\tc\n')).toEqual([['a', '', 'c']])
  })

  it('reads quoted cells holding line breaks, tabs and doubled quotes', () => {
    expect(parseTsv('"line 1\nline 2"\t"say ""hi"""\nx\t"a\tb"')).toEqual([
      ['line 1\nline 2', 'say "hi"'],
      ['x', 'a\tb'],
    ])
  })

  it('keeps a quote that does not close a cell as text', () => {
    expect(parseTsv('"quoted" word\t5" screen')).toEqual([['"quoted" word', '5" screen']])
  })

  it('round-trips what toTsv writes', () => {
    const rows = [
      ['plain', 'with\ttab', 'with\nbreak', 'with "quote"'],
      ['', 'end'],
    ]
    expect(parseTsv(toTsv(rows))).toEqual(rows)
  })

  it('writes cells that start like a formula as text for Excel, and reads them back unchanged', () => {
    const rows = [['=HYPERLINK("http://evil","x")', '@SUM(A1)', '-5', '-draft', "'=kept", "'plain", 'a=b']]
    const text = toTsv(rows)
    expect(text).toBe(`"'=HYPERLINK(""http://evil"",""x"")"\t'@SUM(A1)\t-5\t'-draft\t''=kept\t'plain\ta=b`)
    expect(parseTsv(text)).toEqual(rows)
    // Excel puts a text cell =x on the clipboard as it shows it.
    expect(parseTsv('=x\t-\n')).toEqual([['=x', '-']])
  })
})
