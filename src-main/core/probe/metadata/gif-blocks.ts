/**
 * XMP in a GIF (XMP spec part 3 §1.1.2): an application extension `XMP DataXMP` whose packet is
 * stored raw, followed by a 258-byte "magic trailer" that makes it walkable as sub-blocks. We
 * walk the blocks (GIF89a spec §17-§27) until the first such extension or the trailer.
 */

const xmpApp = Buffer.from('XMP DataXMP', 'latin1')
const packetEnd = Buffer.from('<?xpacket end=', 'latin1')

/** Skips data sub-blocks from `at`; the offset after the terminator, or -1 when cut. */
function skipSubBlocks(gif: Buffer, at: number): number {
  while (at < gif.length) {
    const size = gif[at] as number
    if (size === 0) return at + 1
    at += size + 1
  }
  return -1
}

function colorTableBytes(flags: number): number {
  return flags & 0x80 ? 3 * (1 << ((flags & 7) + 1)) : 0
}

export function readGifXmp(gif: Buffer): Buffer | undefined {
  if (gif.length < 13 || gif.toString('latin1', 0, 3) !== 'GIF') return undefined
  let at = 13 + colorTableBytes(gif[10] as number)
  while (at >= 0 && at < gif.length) {
    const block = gif[at]
    if (block === 0x3b) return undefined
    if (block === 0x2c) {
      if (at + 10 > gif.length) return undefined
      at = skipSubBlocks(gif, at + 10 + colorTableBytes(gif[at + 9] as number) + 1)
    } else if (block === 0x21) {
      const label = gif[at + 1]
      if (label === 0xff && gif[at + 2] === 11 && gif.subarray(at + 3, at + 14).equals(xmpApp)) {
        const start = at + 14
        const end = gif.indexOf(packetEnd, start)
        const close = end < 0 ? -1 : gif.indexOf('?>', end)
        return close < 0 ? undefined : gif.subarray(start, close + 2)
      }
      at = skipSubBlocks(gif, at + 2)
    } else return undefined
  }
  return undefined
}
