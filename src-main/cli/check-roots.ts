/**
 * The paths given to a CLI command exist, before anything starts: one sentence naming every
 * missing one, and a usage error (exit 2) pointing at that command's `--help`.
 */
import { stat } from 'node:fs/promises'
import { UsageError } from './exit-codes'

export async function checkRoots(paths: readonly string[], command: string): Promise<void> {
  const missing: string[] = []
  for (const path of paths) await stat(path).catch(() => missing.push(path))
  if (missing.length > 0) {
    throw new UsageError(`Not found: ${missing.join(', ')}. Check the path (quote names with spaces).`, command)
  }
}
