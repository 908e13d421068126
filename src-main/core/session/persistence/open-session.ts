/**
 * Opens a session folder (ARCHITECTURE.md, "Sessions and persistence"): loads `session.json`, replays `journal.ndjson` on top of
 * it, and attaches a store that records every later change. A torn last line (the process died
 * mid-write) is cut off when the journal opens (`core/fs/journal.ts`); the replayed journal is then
 * folded into a fresh snapshot at once. A new folder starts with an empty snapshot.
 */
import { randomUUID } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { Journal, journalLines, readJournal, type JournalContents } from '../../fs/journal'
import { PRIVATE_DIR_MODE } from '../../fs/private-mode'
import { Session } from '../session'
import type { Row } from '../../model/row'
import { applyRecord, parseLine, type ReplayState, type SessionMeta } from './journal-records'
import { readSnapshot, SessionFileError, sessionFiles } from './session-files'
import { SessionStore, type SessionStoreOptions } from './session-store'

export interface OpenSessionOptions extends SessionStoreOptions {
  /** Meta of a new session (ignored when the folder already holds one). */
  meta?: Omit<SessionMeta, 'createdAt'>
  /** Refuse to create: the folder must already hold a session. */
  mustExist?: boolean
  flushMs?: number
  now?: () => Date
}

export interface OpenedSession {
  session: Session
  store: SessionStore
  /** True when the folder held a session before. */
  existed: boolean
  /** Journal records replayed, and lines that could not be read (a torn tail counts as one). */
  recovered: { records: number; unreadableLines: number }
  /** Records every change and closes the journal; the folder then holds one compact snapshot. */
  close(): Promise<void>
}

/** The folder's journal as it is now, for reading only; a read failure names the file. */
export async function readSessionJournal(path: string): Promise<JournalContents> {
  try {
    return await readJournal(path)
  } catch (err) {
    throw new SessionFileError(path, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`)
  }
}

/** Applies journal lines after `seq`; counts the lines that are not valid records. */
export function replayJournal(
  state: ReplayState,
  text: string,
  afterSeq: number,
): { records: number; unreadable: number; lastSeq: number } {
  let records = 0
  let unreadable = 0
  let lastSeq = afterSeq
  for (const line of journalLines(text)) {
    const parsed = parseLine(line)
    if (!parsed) {
      unreadable++
      continue
    }
    if (parsed.seq <= afterSeq) continue
    if (!applyRecord(state, parsed)) {
      unreadable++
      continue
    }
    lastSeq = Math.max(lastSeq, parsed.seq)
    records++
  }
  return { records, unreadable, lastSeq }
}

export async function openSessionFolder(dir: string, options: OpenSessionOptions = {}): Promise<OpenedSession> {
  const files = sessionFiles(dir)
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  const snapshot = await readSnapshot(dir)
  if (!snapshot && options.mustExist)
    throw new SessionFileError(files.snapshot, 'not found: this folder holds no session')
  const leftJournal = snapshot ? undefined : await readSessionJournal(files.journal)
  if (leftJournal && (leftJournal.text.trim() || leftJournal.torn)) {
    throw new SessionFileError(
      files.snapshot,
      'is missing although the folder holds a journal; the session cannot be rebuilt from it alone',
    )
  }
  // Opening cuts off a torn last line (the process died mid-write): nothing is appended after it.
  const { journal, contents } = await Journal.open(files.journal).catch((err: unknown) => {
    throw new SessionFileError(
      files.journal,
      `cannot be opened (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    )
  })

  const now = options.now ?? (() => new Date())
  const sessionId = snapshot?.sessionId ?? randomUUID()
  const state: ReplayState = {
    rows: new Map((snapshot?.rows ?? []).map((row): [string, Row] => [row.rowId, row])),
    meta: snapshot?.meta ?? { createdAt: now().toISOString(), ...options.meta },
  }
  const replay = replayJournal(state, contents.text, snapshot?.seq ?? 0)
  const session = new Session({
    sessionId,
    rows: [...state.rows.values()],
    ...(options.flushMs ? { flushMs: options.flushMs } : {}),
  })

  const store = SessionStore.open(
    dir,
    journal,
    { seq: replay.lastSeq, snapshotBytes: snapshot?.bytes ?? 0, meta: state.meta },
    () => ({ sessionId, rows: session.snapshot().rows }),
    options,
  )
  // A new folder gets its first snapshot now; a replayed journal is folded into one and emptied.
  if (!snapshot || contents.bytes > 0) await store.compact()
  session.attachJournal(store)
  return {
    session,
    store,
    existed: snapshot !== undefined,
    recovered: { records: replay.records, unreadableLines: replay.unreadable + (contents.torn ? 1 : 0) },
    close: async () => {
      session.flush()
      await store.close({ compact: true })
    },
  }
}
