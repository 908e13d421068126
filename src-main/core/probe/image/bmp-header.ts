/**
 * Whether a BMP's info header (BITMAPINFOHEADER and later, 40+ bytes) describes a picture its
 * bytes can hold: image-size reads width and height as they stand, so a header damaged into
 * 1094795585×1094795585 pixels passed as a valid image. Values as the format allows them
 * (Microsoft's BITMAPINFOHEADER reference: bit counts, compression codes, rows padded to 4 bytes).
 */

const bitCounts = new Set([1, 2, 4, 8, 16, 24, 32, 64])
/** BI_RGB … BI_CMYKRLE4 (0-6, 11-13). */
const compressions = new Set([0, 1, 2, 3, 4, 5, 6, 11, 12, 13])
/** Uncompressed layouts, whose pixel data size follows from the header. */
const uncompressed = new Set([0, 3, 6])

/** Why the header is damaged, in words; undefined when it is plausible (or an OS/2 core header). */
export function bmpHeaderProblem(head: Buffer, size: number): string | undefined {
  if (head.length < 34 || head.readUInt32LE(14) < 40) return undefined
  const width = head.readInt32LE(18)
  const height = Math.abs(head.readInt32LE(22))
  const bits = head.readUInt16LE(28)
  const compression = head.readUInt32LE(30)
  if (width <= 0 || height === 0 || !bitCounts.has(bits) || !compressions.has(compression))
    return 'its header is damaged (impossible size, colour depth or compression)'
  if (!uncompressed.has(compression)) return undefined
  const needed = head.readUInt32LE(10) + Math.ceil((width * bits) / 32) * 4 * height
  return needed > size
    ? `its header describes ${width}×${height} pixels, which need ${needed} bytes, but the file has ${size}`
    : undefined
}
