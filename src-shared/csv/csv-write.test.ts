import { describe, expect, it } from 'vitest'
import { parseCsv } from './csv'
import { csvField, csvRecord, spreadsheetText } from './csv-write'

describe('spreadsheetText', () => {
  it('puts an apostrophe before every start a spreadsheet reads as a formula (OWASP)', () => {
    for (const value of ['=1+1', '+cmd|/c calc', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '-draft.jpg', '=HYPERLINK("x")'])
      expect(spreadsheetText(value), value).toBe(`'${value}`)
  })

  it('leaves plain numbers, ordinary text and inner signs alone', () => {
    for (const value of ['-5', '+3.25', '42', 'a=b', 'Harbour - dawn', '', "'quoted"])
      expect(spreadsheetText(value), value).toBe(value)
  })
})

describe('csvField and csvRecord', () => {
  it('quotes commas, quotes and line breaks, after the formula guard', () => {
    expect(csvField('=HYPERLINK("http://x","a, b")')).toBe(`"'=HYPERLINK(""http://x"",""a, b"")"`)
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('\r=1')).toBe(`"'\r=1"`)
  })

  it('reads back as the guarded text', () => {
    const values = ['drop/=cmd.jpg', '-7', 'say "hi", then go', '@here']
    expect(parseCsv(csvRecord(values))[0]?.fields).toEqual(['drop/=cmd.jpg', '-7', 'say "hi", then go', "'@here"])
  })
})
