/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF, a field in double quotes may
 * hold commas, line breaks and doubled quotes (`""`). A UTF-8 BOM (Excel writes one) is dropped.
 * Strict where a guess could shift values into the wrong column: a stray quote is an error that
 * names its line. Pure.
 */

export interface CsvRecord {
  /** 1-based line where the record starts (a quoted field may span lines). */
  line: number
  fields: string[]
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
    /** The whole sentence, when "line N: …" does not read well. */
    sentence?: string,
  ) {
    super(sentence ?? `line ${line}: ${message}`)
    this.name = 'CsvError'
  }
}

export function parseCsv(input: string): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '')
  const records: CsvRecord[] = []
  let line = 1
  let i = 0
  while (i < text.length) {
    const start = line
    const fields: string[] = []
    for (;;) {
      let value = ''
      if (text[i] === '"') {
        const opened = line
        i++
        for (;;) {
          if (i >= text.length) throw new CsvError(opened, 'a quoted field is not closed (a " is missing)')
          const ch = text[i] as string
          if (ch === '"') {
            if (text[i + 1] === '"') {
              value += '"'
              i += 2
              continue
            }
            i++
            break
          }
          if (ch === '\n') line++
          value += ch
          i++
        }
        const next = text[i]
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvError(line, 'text after a closing quote; a quote inside a quoted field is written ""')
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') {
            throw new CsvError(
              line,
              'a quote inside an unquoted field; put the whole field in quotes and write the quote as ""',
            )
          }
          value += text[i]
          i++
        }
      }
      fields.push(value)
      if (text[i] === ',') {
        i++
        continue
      }
      // End of record: CRLF, LF, a lone CR, or the end of the text.
      if (text[i] === '\r') i++
      if (text[i] === '\n') i++
      line++
      break
    }
    const blank = fields.length === 1 && fields[0] === ''
    if (!blank) records.push({ line: start, fields })
  }
  return records
}
