/**
 * All of `data` at the file's current position (or its end, for a file opened to append).
 * FileHandle.write makes one write(2) call, and on a nearly full disk that call may take only
 * part of the data and still succeed: a journal line would then be torn without any error, and
 * the next line glued to it would be lost with it on replay. The next call after a short write
 * reports the cause (ENOSPC, EDQUOT).
 */
import type { FileHandle } from 'node:fs/promises'

export async function writeAll(fd: Pick<FileHandle, 'write'>, data: Buffer | string): Promise<number> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await fd.write(bytes, done, bytes.length - done)
    done += bytesWritten
  }
  return bytes.length
}
