/** `media-import scan`: walks paths and prints one record per file as the walk goes. */
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { walkPaths } from '../core/scan/walk'
import { exitCodes, UsageError } from './exit-codes'
import { LineOutput } from './line-output'
import { parseCommandArgs } from './parse-command-args'
import { toScanRecord } from './scan-record'
import { scanTableHeader, scanTableRow } from './scan-table'

export const scanHelp = `Usage: media-import scan <path>... [--json]

Walks files and folders and lists every file found, with why a file is skipped
(hidden files) or unreadable. Nothing is uploaded.

Options:
  --json      one JSON object per line and file (NDJSON): path, relativePath,
              status (ok|skipped|error), reason, kind, mimeType, size, modifiedAt
  -h, --help  show this help

Exit status: 0 all files readable, 1 some files could not be read, 2 usage error.`

/** Rows reach the terminal in small batches, so a long walk shows progress at once. */
const batchSize = 100

async function checkRoots(paths: readonly string[]): Promise<void> {
  const missing: string[] = []
  for (const path of paths) {
    await stat(path).catch(() => missing.push(path))
  }
  if (missing.length > 0) {
    throw new UsageError(`Not found: ${missing.join(', ')}. Check the path (quote names with spaces).`, 'scan')
  }
}

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
  await checkRoots(roots)

  const json = parsed.values.json === true
  const out = new LineOutput(stdout)
  const controller = new AbortController()
  const counts = { ok: 0, skipped: 0, error: 0 }
  if (!json) await out.write(`${scanTableHeader}\n`)
  try {
    for await (const batch of walkPaths(roots, { batchSize, includeSkipped: true, signal: controller.signal })) {
      const lines = batch.map((file) => {
        const record = toScanRecord(file)
        counts[record.status]++
        return json ? JSON.stringify(record) : scanTableRow(record)
      })
      await out.write(`${lines.join('\n')}\n`)
      // The reader is gone (`| head`): stop walking, quietly.
      if (out.closed) controller.abort()
    }
  } catch (err) {
    if (!controller.signal.aborted) throw err
  }
  if (out.failure) {
    process.stderr.write(`media-import scan: could not write the output: ${out.failure.message}\n`)
    return exitCodes.rowsFailed
  }
  if (out.closed) return exitCodes.ok
  const total = counts.ok + counts.skipped + counts.error
  process.stderr.write(
    `${total} ${total === 1 ? 'file' : 'files'}: ${counts.ok} ok, ${counts.skipped} skipped, ${counts.error} unreadable\n`,
  )
  return counts.error > 0 ? exitCodes.rowsFailed : exitCodes.ok
}
