/**
 * Top-level boxes of an ISO base media file (MP4, MOV, 3GP, HEIF/AVIF; ISO/IEC 14496-12 §4.2),
 * read header by header at their offsets: a few small reads, however large the file. Tells
 * whether the index (`moov`) exists and whether the file ends where its boxes say it does.
 */

export interface Box {
  type: string
  offset: number
  size: number
}

export interface BoxWalk {
  boxes: Box[]
  /** Why the structure is broken, in words; undefined when it is whole. */
  problem?: string
  truncated?: boolean
}

export type ReadAt = (offset: number, length: number) => Promise<Buffer>

const maxBoxes = 100_000

export async function walkTopLevelBoxes(readAt: ReadAt, fileSize: number): Promise<BoxWalk> {
  const boxes: Box[] = []
  let offset = 0
  while (offset < fileSize && boxes.length < maxBoxes) {
    const header = await readAt(offset, 16)
    if (header.length < 8) {
      return { boxes, truncated: true, problem: `the file ends inside a box header at byte ${offset}` }
    }
    const type = header.toString('latin1', 4, 8)
    if (!/^[\x20-\x7e\xa9]{4}$/.test(type)) {
      return { boxes, problem: `damaged structure: no valid box at byte ${offset}` }
    }
    let size = header.readUInt32BE(0)
    if (size === 1) {
      if (header.length < 16) return { boxes, truncated: true, problem: `the file ends inside the ${type} box header` }
      size = Number(header.readBigUInt64BE(8))
    } else if (size === 0) {
      size = fileSize - offset
    }
    if (size < 8) return { boxes, problem: `damaged structure: the ${type} box at byte ${offset} has size ${size}` }
    boxes.push({ type, offset, size })
    if (offset + size > fileSize) {
      const missing = offset + size - fileSize
      return { boxes, truncated: true, problem: `the ${type} box is cut off: ${missing} bytes are missing at the end` }
    }
    offset += size
  }
  return { boxes }
}

export function bufferReader(bytes: Buffer): ReadAt {
  return async (offset, length) => bytes.subarray(offset, offset + length)
}
