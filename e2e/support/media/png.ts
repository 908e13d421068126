/**
 * A real PNG from Node bytes (signature, IHDR, IDAT, IEND with CRCs), so tests need no binary
 * fixtures in git and no image tool. RGB, 8 bits per channel, a diagonal gradient.
 */
import { crc32, deflateSync } from 'node:zlib'

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData))
  return Buffer.concat([length, typeAndData, crc])
}

export function makePng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // colour type: truecolour
  // bytes 10-12: compression, filter, interlace methods, all 0
  const stride = 1 + width * 3
  const pixels = Buffer.alloc(stride * height)
  for (let y = 0; y < height; y++) {
    pixels[y * stride] = 0 // filter: none
    for (let x = 0; x < width; x++) {
      const at = y * stride + 1 + x * 3
      pixels[at] = Math.round((255 * x) / Math.max(1, width - 1))
      pixels[at + 1] = Math.round((255 * y) / Math.max(1, height - 1))
      pixels[at + 2] = 160
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
