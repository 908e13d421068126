/**
 * Reading the source file: the "same file as scanned" check, hashing, and part bodies streamed
 * from disk (a 2 GB video never sits in memory; only small single-PUT files are read whole).
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { Transform } from 'node:stream'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { SourceChangedError } from './classify-error'

export interface SourceFacts {
  path: string
  size: number
  mtimeMs: number
}

/** Throws SourceChangedError (or the fs error, e.g. ENOENT) unless the file is as scanned. */
export async function assertUnchanged(source: SourceFacts): Promise<void> {
  const info = await stat(source.path)
  if (!info.isFile()) throw new SourceChangedError('it is no longer a regular file')
  if (info.size !== source.size) throw new SourceChangedError(`size ${source.size} → ${info.size} bytes`)
  // Sub-millisecond slack: mtimeMs may have passed through JSON or a coarser clock.
  if (Math.abs(info.mtimeMs - source.mtimeMs) >= 1) {
    throw new SourceChangedError(`modified ${new Date(info.mtimeMs).toISOString()}`)
  }
}

export async function readWholeFile(source: SourceFacts): Promise<{ body: Buffer; sha256: string }> {
  const body = await readFile(source.path)
  if (body.length !== source.size) throw new SourceChangedError(`size ${source.size} → ${body.length} bytes`)
  return { body, sha256: createHash('sha256').update(body).digest('hex') }
}

export async function hashFile(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(path, { highWaterMark: 1024 * 1024 }), hash, { signal })
  return hash.digest('hex')
}

/**
 * Bytes [start, end) of the file as a stream; `onBytes` hears every chunk as it is handed to
 * the socket, which is what the progress bar counts.
 */
export function partStream(path: string, start: number, end: number, onBytes: (n: number) => void): Readable {
  let seen = 0
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length
      onBytes(chunk.length)
      done(null, chunk)
    },
    // A file truncated while it is read would leave the server waiting for bytes that never come.
    flush(done) {
      done(seen === end - start ? null : new SourceChangedError(`part ended after ${seen} of ${end - start} bytes`))
    },
  })
  const file = createReadStream(path, { start, end: end - 1, highWaterMark: 256 * 1024 })
  file.on('error', (err) => counter.destroy(err))
  counter.on('close', () => file.destroy())
  return file.pipe(counter)
}
