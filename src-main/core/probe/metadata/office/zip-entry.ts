/**
 * One small named entry of a ZIP file (an Office document's `docProps/core.xml`, an ODF
 * `meta.xml`), found through the central directory at the end of the file (APPNOTE.TXT
 * §4.3.16 end record, §4.3.12 directory entries, §4.3.7 local header) and inflated with
 * node:zlib. Bounded whatever the file says: the directory read is capped, and an entry larger
 * than `maxEntryBytes`, packed or unpacked, is not read, so a ZIP bomb costs nothing.
 */
import { inflateRawSync } from 'node:zlib'
import type { ReadAt } from '../../video/bmff-boxes'

export const maxEntryBytes = 256 << 10
const maxDirectoryBytes = 4 << 20
const endRecord = 0x06054b50
const directoryEntry = 0x02014b50
const localHeader = 0x04034b50
/** The end record (22 bytes) is followed by a comment of up to 65535 bytes. */
const maxEndSearch = 22 + 0xffff

interface Entry {
  method: number
  packed: number
  unpacked: number
  localOffset: number
}

function findEndRecord(tail: Buffer): number {
  for (let at = tail.length - 22; at >= 0; at--) if (tail.readUInt32LE(at) === endRecord) return at
  return -1
}

function findEntry(directory: Buffer, name: string): Entry | undefined {
  for (let at = 0; at + 46 <= directory.length && directory.readUInt32LE(at) === directoryEntry;) {
    const nameLength = directory.readUInt16LE(at + 28)
    const next = at + 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32)
    if (directory.toString('utf8', at + 46, at + 46 + nameLength) === name)
      return {
        method: directory.readUInt16LE(at + 10),
        packed: directory.readUInt32LE(at + 20),
        unpacked: directory.readUInt32LE(at + 24),
        localOffset: directory.readUInt32LE(at + 42),
      }
    at = next
  }
  return undefined
}

/** The entry's bytes, or undefined when the file is no ZIP, lacks it, or it is too large or damaged. */
export async function readZipEntry(readAt: ReadAt, size: number, name: string): Promise<Buffer | undefined> {
  const tailStart = Math.max(0, size - maxEndSearch)
  const tail = await readAt(tailStart, size - tailStart)
  const end = findEndRecord(tail)
  if (end < 0) return undefined
  const directorySize = tail.readUInt32LE(end + 12)
  const directoryOffset = tail.readUInt32LE(end + 16)
  // 0xffffffff marks ZIP64 (a document over 4 GB): its properties are not worth that parser.
  if (directoryOffset === 0xffffffff || directoryOffset + directorySize > size) return undefined
  const directory = await readAt(directoryOffset, Math.min(directorySize, maxDirectoryBytes))
  const entry = findEntry(directory, name)
  if (!entry || entry.packed > maxEntryBytes || entry.unpacked > maxEntryBytes) return undefined
  if (entry.method !== 0 && entry.method !== 8) return undefined
  const local = await readAt(entry.localOffset, 30)
  if (local.length < 30 || local.readUInt32LE(0) !== localHeader) return undefined
  const dataAt = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28)
  const packed = await readAt(dataAt, entry.packed)
  if (entry.method === 0) return packed
  try {
    return inflateRawSync(packed, { maxOutputLength: maxEntryBytes })
  } catch {
    return undefined
  }
}
