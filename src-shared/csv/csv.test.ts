import { describe, expect, it } from 'vitest'
import { CsvError, parseCsv } from './csv'

describe('parseCsv', () => {
  it('reads plain and quoted fields, CRLF or LF, and drops the BOM', () => {
    const text = '\uFEFFrelativePath,title\r\ndrop/a.jpg,"Harbour, at dawn"\r\ndrop/b.jpg,"Say ""hi"""\n'
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['relativePath', 'title'] },
      { line: 2, fields: ['drop/a.jpg', 'Harbour, at dawn'] },
      { line: 3, fields: ['drop/b.jpg', 'Say "hi"'] },
    ])
  })

  it('keeps line breaks inside quotes and counts lines from where each record starts', () => {
    const records = parseCsv('p,caption\na,"two\nlines"\nb,\n\nc,last')
    expect(records).toEqual([
      { line: 1, fields: ['p', 'caption'] },
      { line: 2, fields: ['a', 'two\nlines'] },
      { line: 4, fields: ['b', ''] },
      { line: 6, fields: ['c', 'last'] },
    ])
  })

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n')).toEqual([{ line: 1, fields: ['a', '', 'c', ''] }])
  })

  it('names the line of a stray or unclosed quote', () => {
    expect(() => parseCsv('p,t\na,b"c\n')).toThrow(
      new CsvError(2, 'a quote inside an unquoted field; put the whole field in quotes and write the quote as ""'),
    )
    expect(() => parseCsv('p,t\na,"b"c\n')).toThrow(/^line 2: text after a closing quote/)
    expect(() => parseCsv('p,t\na,b\nc,"open\nmore')).toThrow(/^line 3: a quoted field is not closed/)
  })
})
