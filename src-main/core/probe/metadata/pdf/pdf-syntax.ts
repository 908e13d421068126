/**
 * Just enough of PDF's object syntax (ISO 32000-1 §7.3) to read dictionaries: numbers, names,
 * literal and hex strings, arrays, dictionaries and indirect references. Streams are not
 * parsed here; the caller finds their data after the dictionary.
 */

export type PdfValue =
  | number
  | boolean
  | null
  | { name: string }
  | { ref: [number, number] }
  | { bytes: Buffer }
  | PdfValue[]
  | Map<string, PdfValue>

const whitespace = new Set([0, 9, 10, 12, 13, 32])
const delimiters = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)))

export class PdfParser {
  constructor(
    readonly buf: Buffer,
    public at = 0,
  ) {}

  skipSpace(): void {
    const { buf } = this
    while (this.at < buf.length) {
      const c = buf[this.at] as number
      if (whitespace.has(c)) this.at++
      else if (c === 0x25) while (this.at < buf.length && buf[this.at] !== 10 && buf[this.at] !== 13) this.at++
      else break
    }
  }

  private token(): string {
    const start = this.at
    while (this.at < this.buf.length) {
      const c = this.buf[this.at] as number
      if (whitespace.has(c) || delimiters.has(c)) break
      this.at++
    }
    return this.buf.toString('latin1', start, this.at)
  }

  /** The keyword or number at the cursor, without consuming it when it does not match. */
  peekToken(): string {
    const at = this.at
    this.skipSpace()
    const t = this.token()
    this.at = at
    return t
  }

  value(depth = 0): PdfValue {
    if (depth > 32) throw new Error('nested too deeply')
    this.skipSpace()
    const c = this.buf[this.at]
    if (c === undefined) throw new Error('unexpected end')
    if (c === 0x2f) {
      this.at++
      return {
        name: this.token().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      }
    }
    if (c === 0x28) return { bytes: this.literal() }
    if (c === 0x3c && this.buf[this.at + 1] === 0x3c) return this.dictionary(depth)
    if (c === 0x3c) return { bytes: this.hex() }
    if (c === 0x5b) {
      this.at++
      const list: PdfValue[] = []
      for (;;) {
        this.skipSpace()
        if (this.buf[this.at] === 0x5d || this.at >= this.buf.length) break
        list.push(this.value(depth + 1))
      }
      this.at++
      return list
    }
    const word = this.token()
    if (word === 'true' || word === 'false') return word === 'true'
    if (word === 'null' || word === '') {
      if (word === '') this.at++
      return null
    }
    const n = Number(word)
    if (!Number.isFinite(n)) return null
    // `12 0 R` is a reference: look ahead for the generation and the R.
    const back = this.at
    this.skipSpace()
    const generation = this.token()
    this.skipSpace()
    if (/^\d+$/.test(generation) && this.buf[this.at] === 0x52 && Number.isInteger(n)) {
      this.at++
      return { ref: [n, Number(generation)] }
    }
    this.at = back
    return n
  }

  dictionary(depth = 0): Map<string, PdfValue> {
    this.at += 2
    const out = new Map<string, PdfValue>()
    for (;;) {
      this.skipSpace()
      if (this.at >= this.buf.length) throw new Error('unterminated dictionary')
      if (this.buf[this.at] === 0x3e && this.buf[this.at + 1] === 0x3e) {
        this.at += 2
        return out
      }
      const key = this.value(depth + 1)
      if (!key || typeof key !== 'object' || !('name' in key)) throw new Error('dictionary key is not a name')
      out.set(key.name, this.value(depth + 1))
    }
  }

  private literal(): Buffer {
    const { buf } = this
    const out: number[] = []
    let nesting = 0
    this.at++
    while (this.at < buf.length) {
      const c = buf[this.at++] as number
      if (c === 0x5c) {
        const e = buf[this.at++] as number
        const simple: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 }
        if (simple[e] !== undefined) out.push(simple[e] as number)
        else if (e >= 0x30 && e <= 0x37) {
          let octal = e - 0x30
          for (let i = 0; i < 2 && (buf[this.at] as number) >= 0x30 && (buf[this.at] as number) <= 0x37; i++)
            octal = octal * 8 + ((buf[this.at++] as number) - 0x30)
          out.push(octal & 0xff)
        } else if (e === 13) {
          if (buf[this.at] === 10) this.at++
        } else if (e !== 10) out.push(e)
      } else if (c === 0x28) {
        nesting++
        out.push(c)
      } else if (c === 0x29) {
        if (nesting === 0) break
        nesting--
        out.push(c)
      } else out.push(c)
    }
    return Buffer.from(out)
  }

  private hex(): Buffer {
    const end = this.buf.indexOf(0x3e, this.at)
    const digits = this.buf
      .toString('latin1', this.at + 1, end < 0 ? this.buf.length : end)
      .replace(/[^0-9a-fA-F]/g, '')
    this.at = end < 0 ? this.buf.length : end + 1
    return Buffer.from(digits.length % 2 ? digits + '0' : digits, 'hex')
  }
}

/** A text string (§7.9.2.2): UTF-16BE or UTF-8 with a byte order mark, else PDFDocEncoding (~Latin-1). */
export function pdfText(value: PdfValue | undefined): string | undefined {
  if (!value || typeof value !== 'object' || !('bytes' in value)) return undefined
  const b = value.bytes
  let text: string
  if (b[0] === 0xfe && b[1] === 0xff) text = Buffer.from(b.subarray(2)).swap16().toString('utf16le')
  else if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) text = b.toString('utf8', 3)
  else text = b.toString('latin1')
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u0008\u000b\u000e-\u001f]/g, '').trim()
  return text || undefined
}

export const refOf = (value: PdfValue | undefined): [number, number] | undefined =>
  value && typeof value === 'object' && 'ref' in value ? value.ref : undefined

export const numberOf = (value: PdfValue | undefined): number | undefined =>
  typeof value === 'number' ? value : undefined

export const nameOf = (value: PdfValue | undefined): string | undefined =>
  value && typeof value === 'object' && 'name' in value ? value.name : undefined
