/**
 * EBML, the binary layout under Matroska and WebM (RFC 8794): variable-length ids and sizes, and
 * the element readers both the head reader (matroska.ts) and the tag reader (matroska-tags.ts) use.
 */
export interface Element {
  id: number
  start: number
  /** undefined: unknown size (live streams), runs to the end of its parent. */
  end: number | undefined
}

function varint(
  buf: Buffer,
  at: number,
  keepMarker: boolean,
): { value: number; length: number; unknown: boolean } | undefined {
  const first = buf[at]
  if (first === undefined || first === 0) return undefined
  const length = Math.clz32(first) - 23
  if (length > 8 || at + length > buf.length) return undefined
  let value = keepMarker ? first : first & (0xff >> length)
  let allOnes = value === 0xff >> length
  for (let i = 1; i < length; i++) {
    const byte = buf[at + i] as number
    value = value * 256 + byte
    allOnes &&= byte === 0xff
  }
  return { value, length, unknown: !keepMarker && allOnes }
}

export function* elements(buf: Buffer, from: number, to: number): Generator<Element> {
  let at = from
  while (at < to) {
    const id = varint(buf, at, true)
    const size = id && varint(buf, at + id.length, false)
    if (!id || !size) return
    const start = at + id.length + size.length
    const end = size.unknown ? undefined : start + size.value
    yield { id: id.value, start, end }
    if (end === undefined) return
    at = end
  }
}

export function uint(buf: Buffer, e: Element): number {
  let value = 0
  for (let i = e.start; i < (e.end ?? e.start); i++) value = value * 256 + (buf[i] as number)
  return value
}

export function float(buf: Buffer, e: Element): number | undefined {
  const length = (e.end ?? e.start) - e.start
  return length === 8 ? buf.readDoubleBE(e.start) : length === 4 ? buf.readFloatBE(e.start) : undefined
}

export const text = (buf: Buffer, e: Element): string => buf.toString('utf8', e.start, e.end).replace(/\0+$/, '').trim()
