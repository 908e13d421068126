/**
 * Reads a session folder without opening it for writing: `session.json` plus `journal.ndjson`
 * replayed on top, as open-session.ts loads them, but no store, no lock, no compaction and no
 * folder created. For looking at a session another process has open (the app's read-only view):
 * its files stay byte for byte as they are.
 */
import { Session } from '../session'
import type { Row } from '../../model/row'
import type { ReplayState, SessionMeta } from './journal-records'
import { readSessionJournal, replayJournal } from './open-session'
import { readSnapshot, SessionFileError, sessionFiles } from './session-files'

export interface ReadSession {
  /** In memory only: nothing it is told is recorded anywhere. */
  session: Session
  meta: SessionMeta
}

export async function readSessionFolder(dir: string): Promise<ReadSession> {
  const files = sessionFiles(dir)
  const snapshot = await readSnapshot(dir)
  if (!snapshot) throw new SessionFileError(files.snapshot, 'not found: this folder holds no session')
  // The holder may be appending right now: a torn last line is skipped like any unreadable one.
  const journal = await readSessionJournal(files.journal)
  const state: ReplayState = {
    rows: new Map(snapshot.rows.map((row): [string, Row] => [row.rowId, row])),
    meta: snapshot.meta,
  }
  replayJournal(state, journal.text, snapshot.seq)
  return { session: new Session({ sessionId: snapshot.sessionId, rows: [...state.rows.values()] }), meta: state.meta }
}
