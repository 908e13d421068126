import { describe, expect, it } from 'vitest'
import { decodeCsvBytes } from './csv-bytes'

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))))

describe('decodeCsvBytes', () => {
  it('answers UTF-8 text as it is, with or without BOM', () => {
    expect(decodeCsvBytes(bytes('relativePath,title\na.jpg,café ✓\n'))).toBe('relativePath,title\na.jpg,café ✓\n')
    expect(decodeCsvBytes(bytes([0xef, 0xbb, 0xbf], 'p,t\n'))).toBe('\uFEFFp,t\n')
  })

  it('refuses a Latin-1 line, naming it and what to do', () => {
    // "café bad" as Excel's "CSV (Windows)" writes it: é is the single byte 0xE9.
    const text = bytes('relativePath,title\r\na.jpg,ok\r\nb.jpg,caf', [0xe9], ' bad\r\n')
    expect(() => decodeCsvBytes(text)).toThrow(
      'line 3 is not UTF-8: it looks like a Windows-1252 or Latin-1 (ISO-8859-1) export, as Excel writes ("b.jpg,café bad"); save it as "CSV UTF-8" and try again.',
    )
  })

  it('says Windows-1252 when the line holds its typographic quotes or euro sign', () => {
    const text = bytes('p,t\na.jpg,', [0x93], 'Hafen', [0x94], ' 5 ', [0x80], '\n')
    expect(() => decodeCsvBytes(text)).toThrow(
      'line 2 is not UTF-8: it looks like a Windows-1252 (Excel) export ("a.jpg,“Hafen” 5 €"); save it as "CSV UTF-8" and try again.',
    )
  })

  it('makes no guess for bytes no single-byte encoding explains, and knows UTF-16', () => {
    expect(() => decodeCsvBytes(bytes('p,t\n', [0x00, 0xff, 0x81], '\n'))).toThrow(
      'line 2 is not UTF-8: save it as "CSV UTF-8" and try again.',
    )
    expect(() => decodeCsvBytes(bytes([0xff, 0xfe], 'p\0'))).toThrow(/^The file is UTF-16 \("Unicode text"\)/)
  })

  it('counts the line where a quoted field broke across lines as its own', () => {
    expect(() => decodeCsvBytes(bytes('p,t\na,"one\ntwo ', [0xe9], '"\n'))).toThrow(/^line 3 is not UTF-8/)
  })
})
