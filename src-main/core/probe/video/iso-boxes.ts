/**
 * The boxes of an ISO base media file (ISO/IEC 14496-12 §4.2): MP4/MOV/3GP movies
 * (`iso-movie.ts`) and HEIF/AVIF pictures (`image/heif-items.ts`) are both made of them. A box
 * that runs past its parent ends the walk: a truncated file yields what is whole.
 */
export interface Box {
  type: string
  /** Content start (after the header) and end. */
  start: number
  end: number
}

/** The boxes between `from` and `to`, in order. */
export function* boxes(buf: Buffer, from: number, to: number): Generator<Box> {
  let at = from
  while (at + 8 <= to) {
    let size = buf.readUInt32BE(at)
    const type = buf.toString('latin1', at + 4, at + 8)
    let header = 8
    if (size === 1 && at + 16 <= to) {
      size = Number(buf.readBigUInt64BE(at + 8))
      header = 16
    } else if (size === 0) size = to - at
    if (size < header || at + size > to) return
    yield { type, start: at + header, end: at + size }
    at += size
  }
}

/** The first box of `type` inside `parent`. */
export const child = (buf: Buffer, parent: Box, type: string): Box | undefined => {
  for (const b of boxes(buf, parent.start, parent.end)) if (b.type === type) return b
  return undefined
}
