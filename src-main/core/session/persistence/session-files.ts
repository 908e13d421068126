/**
 * The files of a session folder (ARCHITECTURE.md, "Sessions and persistence") and the snapshot's
 * atomic write (`core/fs/atomic-file.ts`), so a crash leaves either the old snapshot or the new
 * one, never half of one. Rows are written in chunks: a 50,000-row snapshot never becomes one
 * giant string.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../../fs/atomic-file'
import type { Row } from '../../model/row'
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

const ROWS_PER_WRITE = 500

/** Writes the snapshot atomically (`core/fs/atomic-file.ts`); answers the bytes written. */
export function writeSnapshot(dir: string, data: SnapshotData, savedAt = new Date()): Promise<number> {
  return writeFileAtomic(sessionFiles(dir).snapshot, async (write) => {
    const { rows, ...header } = data
    const head = JSON.stringify({ format: SNAPSHOT_FORMAT, ...header, savedAt: savedAt.toISOString() })
    await write(`${head.slice(0, -1)},"rows":[\n`)
    for (let i = 0; i < rows.length; i += ROWS_PER_WRITE) {
      const chunk = rows.slice(i, i + ROWS_PER_WRITE).map((row) => JSON.stringify(row))
      await write(`${i > 0 ? ',\n' : ''}${chunk.join(',\n')}`)
    }
    await write('\n]}\n')
  })
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
