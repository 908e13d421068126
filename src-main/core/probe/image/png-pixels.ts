/**
 * Whether a PNG's picture data unpacks to the picture its header describes (PNG spec 3rd ed.
 * §10: one zlib stream across the IDAT chunks, §7.2 and §8.2 for its size). Chunk checksums
 * (metadata/png-chunks.ts) catch bytes damaged after writing; this catches the rest libpng
 * refuses: a stream that cannot be unpacked (a writer that died, or CRCs recomputed over
 * damage) or one that ends before the last row. The stream is unpacked on libuv's threads in
 * pieces whose output is counted and dropped, so memory stays small whatever the picture size.
 */
import { createInflate } from 'node:zlib'

const surplus = 1 << 20
const channels: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

/** Bytes one pass of `width` x `height` pixels unpacks to: a filter byte and the pixels per row. */
function passBytes(width: number, height: number, bitsPerPixel: number): number {
  return width > 0 && height > 0 ? height * (1 + Math.ceil((width * bitsPerPixel) / 8)) : 0
}

/** Adam7 interlacing (§8.2): seven passes over sub-grids of the picture. */
const adam7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const

function expectedBytes(ihdr: Buffer): number | undefined {
  const width = ihdr.readUInt32BE(0)
  const height = ihdr.readUInt32BE(4)
  const perPixel = channels[ihdr[9] as number]
  if (perPixel === undefined) return undefined
  const bits = perPixel * (ihdr[8] as number)
  if (ihdr[12] !== 1) return passBytes(width, height, bits)
  return adam7.reduce(
    (sum, [x, y, dx, dy]) => sum + passBytes(Math.ceil((width - x) / dx), Math.ceil((height - y) / dy), bits),
    0,
  )
}

/**
 * Unpacks `parts` as one zlib stream to its end, where its checksum (Adler-32) vouches for
 * every byte, counting the output; undefined when the stream is broken. A stream that goes on
 * far past `expected` is stopped there: libpng ignores surplus data.
 */
function unpackedLength(parts: Buffer[], expected: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const inflate = createInflate({ chunkSize: 64 << 10 })
    let total = 0
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length
      if (total > expected + surplus) {
        inflate.destroy()
        resolve(total)
      }
    })
    inflate.on('error', () => resolve(undefined))
    inflate.on('end', () => resolve(total))
    for (const part of parts) inflate.write(part)
    inflate.end()
  })
}

/** Why the pixels cannot be decoded, in words; undefined when they unpack whole. */
export async function pngPixelProblem(file: Buffer): Promise<string | undefined> {
  let ihdr: Buffer | undefined
  const idat: Buffer[] = []
  for (let at = 8; at + 12 <= file.length;) {
    const length = file.readUInt32BE(at)
    const type = file.toString('latin1', at + 4, at + 8)
    if (type === 'IHDR' && length >= 13) ihdr = file.subarray(at + 8, at + 8 + 13)
    else if (type === 'IDAT') idat.push(file.subarray(at + 8, Math.min(file.length, at + 8 + length)))
    else if (type === 'IEND') break
    at += 12 + length
  }
  const expected = ihdr && expectedBytes(ihdr)
  if (expected === undefined) return undefined
  if (idat.length === 0) return 'it holds no picture data (no IDAT chunk)'
  const unpacked = await unpackedLength(idat, expected)
  if (unpacked === undefined) return 'its picture data is damaged and cannot be unpacked'
  if (unpacked < expected) return `its picture data stops before the last row (${unpacked} of ${expected} bytes)`
  return undefined
}
