/**
 * The emulator's library on disk: `<dataDir>/livingdocs-state.json`, replaced atomically (temp file,
 * fsync, rename) so a crash leaves either the old or the new state, never half of one. Writes are
 * queued so two batches can't interleave; an import is answered only after its entries are on disk.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../fs/private-mode'
import type { MediaLibraryEntry } from './types'

export const STATE_FILE_NAME = 'livingdocs-state.json'
const FORMAT_VERSION = 1

interface StateFile {
  formatVersion: number
  entries: MediaLibraryEntry[]
}

export class StateStore {
  private readonly byId = new Map<string, MediaLibraryEntry>()
  private readonly byExternal = new Map<string, string>()
  private writing: Promise<void> = Promise.resolve()

  private constructor(readonly file: string) {}

  static async open(dataDir: string): Promise<StateStore> {
    await mkdir(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE })
    const store = new StateStore(join(dataDir, STATE_FILE_NAME))
    for (const entry of await readState(store.file)) store.index(entry)
    return store
  }

  get(id: string): MediaLibraryEntry | undefined {
    return this.byId.get(id)
  }

  findByExternal(systemName: string, externalId: string): MediaLibraryEntry | undefined {
    const id = this.byExternal.get(externalKey(systemName, externalId))
    return id === undefined ? undefined : this.byId.get(id)
  }

  hasExternal(systemName: string, externalId: string): boolean {
    return this.byExternal.has(externalKey(systemName, externalId))
  }

  all(): MediaLibraryEntry[] {
    return [...this.byId.values()]
  }

  /** Adds in memory at once (so later entries of the same batch see it); call `persist()` after. */
  add(entry: MediaLibraryEntry): void {
    if (this.byId.has(entry.id)) throw new Error(`entry ${entry.id} exists already`)
    this.index(entry)
  }

  /** Replaces a stored entry by its id (a PATCH); call `persist()` after. */
  replace(entry: MediaLibraryEntry): void {
    if (!this.byId.has(entry.id)) throw new Error(`entry ${entry.id} does not exist`)
    this.index(entry)
  }

  persist(): Promise<void> {
    const snapshot = JSON.stringify({ formatVersion: FORMAT_VERSION, entries: this.all() } satisfies StateFile)
    const next = this.writing.then(() => writeAtomically(this.file, snapshot))
    // A failed write must not block the ones after it; the caller still sees this one fail.
    this.writing = next.catch(() => undefined)
    return next
  }

  /** Waits for queued writes, e.g. before the server closes. */
  flushed(): Promise<void> {
    return this.writing
  }

  private index(entry: MediaLibraryEntry): void {
    this.byId.set(entry.id, entry)
    if (entry.systemName !== undefined && entry.externalId !== undefined) {
      this.byExternal.set(externalKey(entry.systemName, entry.externalId), entry.id)
    }
  }
}

function externalKey(systemName: string, externalId: string): string {
  return JSON.stringify([systemName, externalId])
}

async function readState(file: string): Promise<MediaLibraryEntry[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    throw new Error(
      `${file} is not valid JSON (${(err as Error).message}). Move it away to start with an empty library.`,
      {
        cause: err,
      },
    )
  }
  const state = parsed as Partial<StateFile> | null
  if (state?.formatVersion !== FORMAT_VERSION || !Array.isArray(state.entries)) {
    throw new Error(
      `${file} is not a Livingdocs emulator state (formatVersion ${FORMAT_VERSION}). Move it away to start empty.`,
    )
  }
  return state.entries
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    const handle = await open(temp, 'w', PRIVATE_FILE_MODE)
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, file)
  } catch (err) {
    await rm(temp, { force: true })
    throw err
  }
}
