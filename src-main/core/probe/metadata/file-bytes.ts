/** The whole file as a Buffer: the bytes already read when they are all of it, else one read. */
import { readFile } from 'node:fs/promises'
import type { ReadResult } from '../read-and-hash'

/**
 * Larger files are not read whole for metadata (eight probes at once must stay well under the
 * 300 MB budget); the Media Library takes images up to 15 MB anyway.
 */
export const maxWholeRead = 32 << 20

export async function wholeFile(path: string, read: Pick<ReadResult, 'head' | 'size'>): Promise<Buffer | undefined> {
  if (read.head.length >= read.size) return read.head
  if (read.size > maxWholeRead) return undefined
  return readFile(path)
}
