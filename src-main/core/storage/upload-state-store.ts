/**
 * Upload state kept in memory; the file-backed journal builds on the same replay rules.
 * Every read returns a copy, so a caller mutating its state cannot change the journal behind
 * the store's back.
 */
import type { FinishedPart, UploadState, UploadStateStore } from './types'

export type JournalRecord =
  | { t: 'state'; state: UploadState }
  | { t: 'part'; uploadKey: string; part: FinishedPart }
  | { t: 'delete'; uploadKey: string }

/** Applies one record; shared by the in-memory store and the ndjson replay. */
export function applyRecord(states: Map<string, UploadState>, record: JournalRecord): void {
  switch (record.t) {
    case 'state':
      states.set(record.state.uploadKey, structuredClone(record.state))
      return
    case 'part': {
      const multipart = states.get(record.uploadKey)?.multipart
      if (!multipart) return
      const others = multipart.parts.filter((p) => p.partNumber !== record.part.partNumber)
      multipart.parts = [...others, { ...record.part }].sort((a, b) => a.partNumber - b.partNumber)
      return
    }
    case 'delete':
      states.delete(record.uploadKey)
      return
  }
}

export class MemoryUploadStateStore implements UploadStateStore {
  protected readonly states = new Map<string, UploadState>()

  load(uploadKey: string): Promise<UploadState | undefined> {
    const state = this.states.get(uploadKey)
    return Promise.resolve(state ? structuredClone(state) : undefined)
  }

  save(state: UploadState): Promise<void> {
    return this.record({ t: 'state', state })
  }

  savePart(uploadKey: string, part: FinishedPart): Promise<void> {
    return this.record({ t: 'part', uploadKey, part })
  }

  delete(uploadKey: string): Promise<void> {
    return this.record({ t: 'delete', uploadKey })
  }

  /** All states, e.g. for a sessions feature listing what is resumable. */
  entries(): UploadState[] {
    return [...this.states.values()].map((s) => structuredClone(s))
  }

  protected record(record: JournalRecord): Promise<void> {
    applyRecord(this.states, record)
    return Promise.resolve()
  }
}
