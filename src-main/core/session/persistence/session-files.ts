/**
 * The files of a session folder (ARCHITECTURE.md, "Sessions and persistence") and the snapshot's atomic write: a temp file,
 * fsynced, renamed over `session.json`, then the folder fsynced, so a crash leaves either the old
 * snapshot or the new one, never half of one. Rows are written in chunks: a 50,000-row snapshot
 * never becomes one giant string.
 */
import { open, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { PRIVATE_FILE_MODE } from '../../fs/private-mode'
import { writeAll } from '../../fs/write-all'
import type { Row } from '../row'
import type { SessionMeta } from './journal-records'
import { metaSchema } from './journal-records'
import { readRow } from './row-schema'

export const SNAPSHOT_FILE = 'session.json'
export const JOURNAL_FILE = 'journal.ndjson'
/** The storage engine's own journal (multipart upload ids and finished parts). */
export const UPLOADS_FILE = 'uploads.ndjson'

export const sessionFiles = (dir: string) => ({
  snapshot: join(dir, SNAPSHOT_FILE),
  journal: join(dir, JOURNAL_FILE),
  uploads: join(dir, UPLOADS_FILE),
})

export const SNAPSHOT_FORMAT = 1

export interface SnapshotData {
  sessionId: string
  /** The last journal record the snapshot includes; replay starts after it. */
  seq: number
  meta: SessionMeta
  rows: readonly Row[]
}

/** A session file that cannot be used as it is; the message names the file and the problem. */
export class SessionFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`)
    this.name = 'SessionFileError'
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  // Makes a rename durable on POSIX; Windows cannot open a folder, and NTFS needs no such step.
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    /* not supported on this platform */
  }
}

const ROWS_PER_WRITE = 500

/** Writes the snapshot atomically; answers the bytes written. */
export async function writeSnapshot(dir: string, data: SnapshotData, savedAt = new Date()): Promise<number> {
  const path = sessionFiles(dir).snapshot
  const temp = `${path}.tmp`
  const out = await open(temp, 'w', PRIVATE_FILE_MODE)
  // A temp file left by a crash keeps its mode on 'w'; the snapshot renamed from it must not.
  await out.chmod(PRIVATE_FILE_MODE).catch(() => undefined)
  let bytes = 0
  const write = async (text: string): Promise<void> => {
    bytes += await writeAll(out, text)
  }
  try {
    try {
      const { rows, ...header } = data
      const head = JSON.stringify({ format: SNAPSHOT_FORMAT, ...header, savedAt: savedAt.toISOString() })
      await write(`${head.slice(0, -1)},"rows":[\n`)
      for (let i = 0; i < rows.length; i += ROWS_PER_WRITE) {
        const chunk = rows.slice(i, i + ROWS_PER_WRITE).map((row) => JSON.stringify(row))
        await write(`${i > 0 ? ',\n' : ''}${chunk.join(',\n')}`)
      }
      await write('\n]}\n')
      await out.sync()
    } finally {
      await out.close()
    }
    await rename(temp, path)
  } catch (err) {
    // A partial temp file would keep the space a full disk needs back.
    await rm(temp, { force: true }).catch(() => undefined)
    throw err
  }
  await fsyncDir(dir)
  return bytes
}

const headerSchema = z.looseObject({
  format: z.literal(SNAPSHOT_FORMAT),
  sessionId: z.string().min(1),
  seq: z.int().nonnegative(),
  meta: metaSchema,
  rows: z.array(z.unknown()),
})

/** The snapshot, validated; undefined when the folder has none yet. */
export async function readSnapshot(dir: string): Promise<(SnapshotData & { bytes: number }) | undefined> {
  const path = sessionFiles(dir).snapshot
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new SessionFileError(path, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`)
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new SessionFileError(path, 'is not valid JSON (damaged); it is left as it is: start a new session folder')
  }
  const header = headerSchema.safeParse(raw)
  if (!header.success) {
    const issue = header.error.issues[0]
    throw new SessionFileError(
      path,
      `is not a session snapshot (${issue?.path.join('.') || 'file'}: ${issue?.message})`,
    )
  }
  const rows: Row[] = []
  header.data.rows.forEach((candidate, i) => {
    const read = readRow(candidate)
    if ('problem' in read) {
      const name = (candidate as { relativePath?: unknown } | null)?.relativePath
      const which = typeof name === 'string' ? ` (${name})` : ''
      throw new SessionFileError(path, `row ${i + 1}${which} is invalid: ${read.problem}`)
    }
    rows.push(read.row)
  })
  const { sessionId, seq, meta } = header.data
  return { sessionId, seq, meta: meta as SessionMeta, rows, bytes: Buffer.byteLength(text) }
}
