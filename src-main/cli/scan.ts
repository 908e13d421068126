/** `media-import scan`: walks and probes paths and prints one record per file as it goes. */
import { resolve } from 'node:path'
import { Prober } from '../core/probe/prober'
import { probeStream } from '../core/probe/probe-stream'
import { exitCodes, UsageError } from './exit-codes'
import { checkRoots } from './check-roots'
import { LineOutput } from './line-output'
import { parseCommandArgs } from './parse-command-args'
import { toScanRecord } from './scan-record'
import { scanTableHeader, scanTableRow } from './scan-table'
import { terminalText } from './terminal-text'

export const scanHelp = `Usage: media-import scan <path>... [--json]

Walks files and folders, reads each file's type and metadata from its bytes, and
lists every file found, with why a file is skipped (hidden and OS files) or cannot
be used (unreadable, empty, truncated, corrupt). Nothing is uploaded.

Options:
  --json      one JSON object per line and file (NDJSON): path, relativePath,
              status (ok|skipped|error), reason, kind (image|video|file), mimeType,
              extension, size, modifiedAt, sha256, width, height, duration,
              orientation, codec, animated, duplicateOf, warnings, and embedded:
              { title, description, creator, credit, copyright, keywords,
              dateTaken, gps }
  -h, --help  show this help

Exit status: 0 all files usable, 1 some files could not be read or are damaged, 2 usage error.`

/** Lines reach the terminal in small batches, so a long scan shows progress at once. */
const batchSize = 100
const batchDelayMs = 100

export async function runScan(
  args: readonly string[],
  stdout: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const parsed = parseCommandArgs('scan', args, { json: { type: 'boolean' } }, true)
  if (parsed.help) {
    stdout.write(`${scanHelp}\n`)
    return exitCodes.ok
  }
  if (parsed.positionals.length === 0) throw new UsageError('Give at least one file or folder to scan.', 'scan')
  const roots = parsed.positionals.map((p) => resolve(p))
  await checkRoots(roots, 'scan')

  const json = parsed.values.json === true
  const out = new LineOutput(stdout)
  const controller = new AbortController()
  const counts = { ok: 0, skipped: 0, error: 0 }
  if (!json) await out.write(`${scanTableHeader}\n`)
  const prober = new Prober()
  let lines: string[] = []
  let lastWrite = performance.now()
  const flush = async (): Promise<void> => {
    if (lines.length > 0) await out.write(`${lines.join('\n')}\n`)
    lines = []
    lastWrite = performance.now()
    // The reader is gone (`| head`): stop scanning, quietly.
    if (out.closed) controller.abort()
  }
  try {
    for await (const item of probeStream(roots, prober, {
      batchSize,
      includeSkipped: true,
      signal: controller.signal,
    })) {
      const record = toScanRecord(item.file, item)
      counts[record.status]++
      lines.push(json ? JSON.stringify(record) : scanTableRow(record))
      if (lines.length >= batchSize || performance.now() - lastWrite >= batchDelayMs) await flush()
    }
    await flush()
  } catch (err) {
    if (!controller.signal.aborted) throw err
  } finally {
    await prober.close()
  }
  if (out.failure) {
    process.stderr.write(`media-import scan: could not write the output: ${terminalText(out.failure.message)}\n`)
    return exitCodes.rowsFailed
  }
  if (out.closed) return exitCodes.ok
  const total = counts.ok + counts.skipped + counts.error
  process.stderr.write(
    `${total} ${total === 1 ? 'file' : 'files'}: ${counts.ok} ok, ${counts.skipped} skipped, ${counts.error} unreadable or damaged\n`,
  )
  return counts.error > 0 ? exitCodes.rowsFailed : exitCodes.ok
}
