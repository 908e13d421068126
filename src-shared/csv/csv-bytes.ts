/**
 * A CSV file's bytes as text, only when they are UTF-8 (with or without BOM). Decoding with
 * replacement would turn an Excel "CSV (Windows)" export's `café` into `caf�` and import that as a
 * title without a word (issue #15), so anything else is refused naming the first line that is
 * not UTF-8, with the likely encoding and what to do. Pure.
 */
import { CsvError } from './csv'

const SAVE_AS = 'save it as "CSV UTF-8" and try again.'

// Bytes 0x80-0x9F that Windows-1252 leaves undefined; text in it never holds them.
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d])

/** Which single-byte encoding a line that is not UTF-8 most likely is in, or undefined for "no idea". */
function likelyEncoding(line: Uint8Array): string | undefined {
  let c1 = false
  for (const byte of line) {
    if (byte === 0 || UNDEFINED_IN_1252.has(byte)) return undefined
    if (byte >= 0x80 && byte <= 0x9f) c1 = true
  }
  // 0x80-0x9F are € ’ “ … in Windows-1252 but control codes in Latin-1: their presence decides.
  return c1 ? 'a Windows-1252 (Excel) export' : 'a Windows-1252 or Latin-1 (ISO-8859-1) export, as Excel writes'
}

// Windows-1252's characters for 0x80-0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined). Written out
// because Node 20's TextDecoder('windows-1252') decodes as Latin-1 (nodejs/node#56542).
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

/** The line read as Windows-1252, shortened, so the editor finds it. */
function around(line: Uint8Array): string {
  let text = ''
  for (const byte of line) text += byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80] : String.fromCharCode(byte)
  text = text.replace(/\r$/, '')
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

export function decodeCsvBytes(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CsvError(1, '', `The file is UTF-16 ("Unicode text"), not UTF-8: ${SAVE_AS}`)
  }
  try {
    // ignoreBOM keeps a BOM in the text; parseCsv drops it, as for text read any other way.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    // Find the first line that is not UTF-8. Lines end at LF, as parseCsv counts them.
    const strict = new TextDecoder('utf-8', { fatal: true })
    let start = 0
    for (let line = 1; start <= bytes.length; line++) {
      const end = bytes.indexOf(0x0a, start)
      const bytesOfLine = bytes.subarray(start, end < 0 ? bytes.length : end)
      try {
        strict.decode(bytesOfLine)
      } catch {
        const encoding = likelyEncoding(bytesOfLine)
        const looks = encoding ? ` it looks like ${encoding} ("${around(bytesOfLine)}");` : ''
        throw new CsvError(line, '', `line ${line} is not UTF-8:${looks} ${SAVE_AS}`)
      }
      if (end < 0) break
      start = end + 1
    }
    throw new CsvError(1, '', `The file is not UTF-8: ${SAVE_AS}`)
  }
}
