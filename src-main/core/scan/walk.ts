/**
 * Walks dropped paths (files and folders mixed) and yields batches of files while it goes.
 * Symbolic links are followed, each folder is walked once: a link back to an ancestor is a
 * loop, a second way into a folder already walked is reported and not walked again. Folders
 * are identified by device + inode (bigint, exact on every file system), not by path.
 * A link inside a drop is followed only when its real target lies inside one of the dropped
 * paths: the editor chose those, not whatever a link in them names (ARCHITECTURE.md, "Security"). A link
 * leading elsewhere is skipped as `symlink-outside`, counted and listed like other skips.
 */
import { stat as statCallback, statSync, type BigIntStats, type Dirent, type Stats } from 'node:fs'
import { lstat, opendir, realpath } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { describeFsError } from './fs-errors'
import { isInsideAny } from './inside-roots'
import type { ScanOptions, ScannedFile, SkipCode } from './scanned-file'
import { skipVerdict } from './skip-rules'

/** Folders on the way down from the drop root: a link to one of them would walk forever. */
interface Ancestry {
  key: string
  relativePath: string
  parent: Ancestry | undefined
}

interface Pending {
  path: string
  relativePath: string
  /** From the directory listing; undefined for drop roots, which are stat'ed first. */
  dirent: Dirent | undefined
  ancestry: Ancestry | undefined
}

/** Synchronous stats slower than 50 ms (a network share, a sleeping disk), counted. */
let slowStats = 0

/**
 * A plain file's stat is synchronous: for an entry the directory listing just brought into the
 * cache it costs a fraction of a trip through libuv's pool (the pool thread's wake-up, then a
 * callback and a promise on the main thread), once per file of a drop. After three slow ones the
 * walk goes through the callback API instead, so the main thread does not wait on a slow disk.
 * Folders (and links) need bigint stats, for exact device + inode keys.
 */
function statOf(path: string, exact: boolean): Promise<Stats | BigIntStats> {
  if (!exact && slowStats < 3) {
    const started = performance.now()
    try {
      return Promise.resolve(statSync(path))
    } finally {
      if (performance.now() - started > 50) slowStats++
    }
  }
  return new Promise((resolve, reject) =>
    exact
      ? statCallback(path, { bigint: true }, (err, s) => (err ? reject(err) : resolve(s)))
      : statCallback(path, (err, s) => (err ? reject(err) : resolve(s))),
  )
}

/** Stats of one folder's entries run this many at a time; order of the output is kept. */
const statConcurrency = 32

const nfc = (name: string): string => name.normalize('NFC')

function findAncestor(ancestry: Ancestry | undefined, key: string): Ancestry | undefined {
  for (let a = ancestry; a; a = a.parent) if (a.key === key) return a
  return undefined
}

function kindOfSpecial(dirent: Dirent | undefined): string {
  if (dirent?.isFIFO()) return 'named pipe'
  if (dirent?.isSocket()) return 'socket'
  if (dirent?.isBlockDevice() || dirent?.isCharacterDevice()) return 'device'
  return 'special file'
}

/** `seq` is given when results are taken in walk order, not when a concurrent stat returns. */
type Found = Omit<ScannedFile, 'seq'>

class Walker {
  private readonly walked = new Map<string, string>()

  /** Real paths of the drop roots (links resolved), the only places a link may lead. */
  constructor(private readonly realRoots: Promise<string[]>) {}

  /** Why a link inside the drop is not followed, or undefined when its target is inside a root. */
  private async escapes(path: string): Promise<string | undefined> {
    const target = await realpath(path)
    if (isInsideAny(target, await this.realRoots)) return undefined
    return `symbolic link to ${target}, outside the dropped folders: not followed (drop that place itself to import it)`
  }

  private file(path: string, relativePath: string, fields: Partial<Found>): Found {
    return { path, relativePath, size: 0, mtimeMs: 0, status: 'ok', ...fields }
  }

  private skipped(path: string, relativePath: string, code: SkipCode, reason: string): Found {
    return this.file(path, relativePath, { status: 'skipped', skipCode: code, reason })
  }

  /** Resolves one entry to what it is; folders come back as children to walk. */
  async visit(entry: Pending): Promise<{ out: Found[]; children: Pending[] }> {
    const { path, relativePath, dirent } = entry
    const name = basename(path) || path
    const isLink = dirent === undefined || dirent.isSymbolicLink()
    if (dirent && !isLink && !dirent.isFile() && !dirent.isDirectory()) {
      return {
        out: [this.skipped(path, relativePath, 'not-a-file', `not a regular file (${kindOfSpecial(dirent)})`)],
        children: [],
      }
    }
    // Names decide before any syscall for plain entries; links are judged by what they point to.
    if (dirent && !isLink) {
      const verdict = skipVerdict(name, dirent.isDirectory())
      if (verdict) return { out: [this.skipped(path, relativePath, verdict.code, verdict.reason)], children: [] }
    }
    let info: Stats | BigIntStats
    try {
      info = await statOf(path, dirent?.isFile() !== true)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ELOOP')
        return { out: [this.skipped(path, relativePath, 'symlink-loop', describeFsError(err))], children: [] }
      const dangling =
        code === 'ENOENT' &&
        (await lstat(path).then(
          (l) => l.isSymbolicLink(),
          () => false,
        ))
      const reason = dangling ? 'broken symbolic link: its target does not exist' : describeFsError(err)
      return { out: [this.file(path, relativePath, { status: 'error', reason })], children: [] }
    }
    if (isLink && dirent) {
      const verdict = skipVerdict(name, info.isDirectory())
      if (verdict) return { out: [this.skipped(path, relativePath, verdict.code, verdict.reason)], children: [] }
      let outside: string | undefined
      try {
        outside = await this.escapes(path)
      } catch (err) {
        return { out: [this.file(path, relativePath, { status: 'error', reason: describeFsError(err) })], children: [] }
      }
      if (outside) return { out: [this.skipped(path, relativePath, 'symlink-outside', outside)], children: [] }
    }
    if (info.isFile()) {
      return {
        out: [this.file(path, relativePath, { size: Number(info.size), mtimeMs: Number(info.mtimeMs) })],
        children: [],
      }
    }
    if (!info.isDirectory()) {
      return {
        out: [this.skipped(path, relativePath, 'not-a-file', 'not a regular file (device, pipe or socket)')],
        children: [],
      }
    }
    const key = `${info.dev}:${info.ino}`
    const loop = findAncestor(entry.ancestry, key)
    if (loop) {
      const reason = `symbolic link loop: points back to ${loop.relativePath}, which is being scanned`
      return { out: [this.skipped(path, relativePath, 'symlink-loop', reason)], children: [] }
    }
    const seenAs = this.walked.get(key)
    if (seenAs !== undefined) {
      return {
        out: [this.skipped(path, relativePath, 'already-scanned', `folder already scanned as ${seenAs}`)],
        children: [],
      }
    }
    this.walked.set(key, relativePath)
    return this.list(path, relativePath, { key, relativePath, parent: entry.ancestry })
  }

  private async list(
    path: string,
    relativePath: string,
    ancestry: Ancestry,
  ): Promise<{ out: Found[]; children: Pending[] }> {
    const dirents: Dirent[] = []
    try {
      const dir = await opendir(path, { bufferSize: 256 })
      for await (const dirent of dir) dirents.push(dirent)
    } catch (err) {
      return {
        out: [this.file(path, relativePath, { status: 'error', reason: `folder unreadable: ${describeFsError(err)}` })],
        children: [],
      }
    }
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    const children = dirents.map((dirent) => ({
      path: join(path, dirent.name),
      relativePath: `${relativePath}/${nfc(dirent.name)}`,
      dirent,
      ancestry,
    }))
    return { out: [], children }
  }
}

export async function* walkPaths(paths: readonly string[], options: ScanOptions = {}): AsyncGenerator<ScannedFile[]> {
  const batchSize = options.batchSize ?? 200
  const maxDelay = options.maxBatchDelayMs ?? 50
  // A root that cannot be resolved is reported by its own visit; it simply bounds nothing.
  const realRoots = Promise.all(paths.map((root) => realpath(root).catch(() => undefined))).then((all) =>
    all.filter((root): root is string => root !== undefined),
  )
  const walker = new Walker(realRoots)
  let seq = 0
  let batch: ScannedFile[] = []
  let batchStarted = 0
  const take = (found: Found): void => {
    const file: ScannedFile = { ...found, seq: seq++ }
    if (file.status === 'skipped') {
      options.onSkipped?.(file)
      if (!options.includeSkipped) return
    }
    if (batch.length === 0) batchStarted = performance.now()
    batch.push(file)
  }
  const due = (): boolean =>
    batch.length >= batchSize || (batch.length > 0 && performance.now() - batchStarted >= maxDelay)

  // Depth first, in name order: folders are expanded where they stand, so output order is stable.
  const stack: Pending[] = [...paths]
    .reverse()
    .map((root) => ({ path: root, relativePath: nfc(basename(root) || root), dirent: undefined, ancestry: undefined }))
  while (stack.length > 0) {
    options.signal?.throwIfAborted()
    // Runs of plain files are stat'ed together; folders and links one at a time, in order.
    const run: Pending[] = []
    while (stack.length > 0 && run.length < statConcurrency) {
      const next = stack[stack.length - 1] as Pending
      const plainFile = next.dirent?.isFile() === true
      if (run.length > 0 && !plainFile) break
      run.push(stack.pop() as Pending)
      if (!plainFile) break
    }
    const results = await Promise.all(run.map((entry) => walker.visit(entry)))
    for (const { out, children } of results) {
      for (const file of out) {
        take(file)
        if (due()) {
          const full = batch
          batch = []
          yield full
        }
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Pending)
    }
  }
  if (batch.length > 0) yield batch
}
