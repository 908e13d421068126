import type { FileHandle } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { writeAll } from './write-all'

/** A file on a disk with `room` bytes left: writes take what fits, then fail as the kernel does. */
function nearlyFullFile(room: number): { file: Pick<FileHandle, 'write'>; written: Buffer[] } {
  const written: Buffer[] = []
  const file = {
    write: (buffer: Buffer, offset = 0, length = buffer.length - offset) => {
      if (room === 0)
        return Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))
      const n = Math.min(length, room, 3) // at most 3 bytes a call: every write is short
      room -= n
      written.push(Buffer.from(buffer.subarray(offset, offset + n)))
      return Promise.resolve({ bytesWritten: n, buffer })
    },
  } as unknown as Pick<FileHandle, 'write'>
  return { file, written }
}

describe('writeAll', () => {
  it('goes on after short writes until every byte is written', async () => {
    const { file, written } = nearlyFullFile(100)
    expect(await writeAll(file, '{"t":"part","n":1}\n')).toBe(19)
    expect(Buffer.concat(written).toString()).toBe('{"t":"part","n":1}\n')
  })

  it("fails with the disk's own error once nothing more fits", async () => {
    const { file, written } = nearlyFullFile(10)
    await expect(writeAll(file, Buffer.from('{"t":"part","n":1}\n'))).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(Buffer.concat(written)).toHaveLength(10)
  })
})
