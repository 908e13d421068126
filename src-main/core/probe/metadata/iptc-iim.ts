/**
 * IPTC-IIM records (IIM 4.2): tag marker 0x1C, record, dataset, length (extended when the top
 * bit is set), data. Record 1:90 declares UTF-8 with ESC % G; writers often use UTF-8 without
 * declaring it, so undeclared text is read as UTF-8 when it is valid UTF-8, else as Latin-1.
 */
const utf8Declaration = Buffer.from([0x1b, 0x25, 0x47])
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Record 2 datasets we read, by number. */
export const IIM = {
  objectAttributeReference: 4,
  objectName: 5,
  subjectReference: 12,
  keywords: 25,
  specialInstructions: 40,
  dateCreated: 55,
  timeCreated: 60,
  byline: 80,
  bylineTitle: 85,
  city: 90,
  sublocation: 92,
  provinceState: 95,
  countryCode: 100,
  countryName: 101,
  transmissionReference: 103,
  headline: 105,
  credit: 110,
  source: 115,
  copyrightNotice: 116,
  caption: 120,
  writerEditor: 122,
} as const

function decode(bytes: Buffer, utf8: boolean): string {
  if (utf8) return bytes.toString('utf8')
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return bytes.toString('latin1')
  }
}

/** dataset number (record 2) -> values in file order; repeatable datasets keep every value. */
export function readIim(iim: Buffer): Map<number, string[]> {
  const raw: { dataset: number; bytes: Buffer }[] = []
  let utf8 = false
  let offset = 0
  while (offset + 5 <= iim.length) {
    if (iim[offset] !== 0x1c) break
    const record = iim[offset + 1] as number
    const dataset = iim[offset + 2] as number
    let length = iim.readUInt16BE(offset + 3)
    let dataAt = offset + 5
    if (length & 0x8000) {
      const lengthOfLength = length & 0x7fff
      if (lengthOfLength > 4 || dataAt + lengthOfLength > iim.length) break
      length = iim.readUIntBE(dataAt, lengthOfLength)
      dataAt += lengthOfLength
    }
    if (dataAt + length > iim.length) break
    const bytes = iim.subarray(dataAt, dataAt + length)
    if (record === 1 && dataset === 90) utf8 = bytes.includes(utf8Declaration)
    if (record === 2) raw.push({ dataset, bytes })
    offset = dataAt + length
  }
  const out = new Map<number, string[]>()
  for (const { dataset, bytes } of raw) {
    const text = decode(bytes, utf8).replace(/\0+$/, '').trim()
    if (!text) continue
    const list = out.get(dataset)
    if (list) list.push(text)
    else out.set(dataset, [text])
  }
  return out
}
