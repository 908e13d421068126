/**
 * Walk and probe as one stream, in walk order, for the CLI and the benchmark: probes run
 * concurrently, results come out in the order the walk found the files, and at most `window`
 * results wait in memory, so 50,000 files take as much memory as 500.
 */
import { DuplicateIndex } from '../scan/duplicate-index'
import type { ScanOptions, ScannedFile } from '../scan/scanned-file'
import { walkPaths } from '../scan/walk'
import type { Prober } from './prober'
import type { ProbeResult } from '../model/probe-facts'

export interface ProbedFile {
  file: ScannedFile
  /** Absent for skipped entries and for entries the walk could not reach. */
  probe?: ProbeResult
  /** Relative path of the byte-identical file found earlier in this stream. */
  duplicateOf?: string
}

export interface ProbeStreamOptions extends ScanOptions {
  /** Results allowed to wait for an earlier, slower probe. */
  window?: number
}

export async function* probeStream(
  paths: readonly string[],
  prober: Prober,
  options: ProbeStreamOptions = {},
): AsyncGenerator<ProbedFile> {
  const window = options.window ?? prober.concurrency * 64
  const duplicates = new DuplicateIndex()
  const pending: Promise<ProbedFile>[] = []
  const start = (file: ScannedFile): Promise<ProbedFile> =>
    file.status === 'ok'
      ? prober.probe(file, options.signal).then((probe) => ({ file, probe }))
      : Promise.resolve({ file })
  const finish = (done: ProbedFile): ProbedFile => {
    const sha = done.probe?.sha256
    if (!sha || done.probe?.error) return done
    const [change] = duplicates.add(sha, done.file.relativePath, done.file.seq)
    return change?.duplicateOf ? { ...done, duplicateOf: change.duplicateOf } : done
  }
  for await (const batch of walkPaths(paths, options)) {
    for (const file of batch) {
      const probed = start(file)
      // Marks it handled: if the stream stops early (abort), later probes must not crash the process.
      probed.catch(() => undefined)
      pending.push(probed)
      while (pending.length >= window) yield finish(await (pending.shift() as Promise<ProbedFile>))
    }
  }
  while (pending.length > 0) yield finish(await (pending.shift() as Promise<ProbedFile>))
}
