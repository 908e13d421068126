/**
 * Runs scans in the background: each has an id and an AbortController, turns scanned files
 * into rows as batches arrive, and reports progress.
 */
import { randomUUID } from 'node:crypto'
import type { ScanProgress } from '../../contract'
import { walkPaths } from '../scan/walk'
import type { Row } from '../session/row'
import type { Session } from '../session/session'
import type { ScannedFile } from '../scan/scanned-file'

export function rowFromScan(file: ScannedFile): Row {
  return {
    rowId: randomUUID(),
    path: file.path,
    relativePath: file.relativePath,
    size: file.size,
    mtimeMs: file.mtimeMs,
    status: file.status === 'ok' ? 'scanned' : file.status === 'skipped' ? 'skipped' : 'unreadable',
    ...(file.reason ? { reason: file.reason } : {}),
  }
}

export class ScanRunner {
  private readonly running = new Map<string, AbortController>()

  constructor(
    private readonly session: Session,
    private readonly report: (progress: ScanProgress) => void,
  ) {}

  start(paths: readonly string[]): string {
    const scanId = randomUUID()
    const controller = new AbortController()
    this.running.set(scanId, controller)
    void this.run(scanId, paths, controller.signal).finally(() => this.running.delete(scanId))
    return scanId
  }

  cancel(scanId: string): boolean {
    const controller = this.running.get(scanId)
    controller?.abort()
    return controller !== undefined
  }

  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort()
  }

  private async run(scanId: string, paths: readonly string[], signal: AbortSignal): Promise<void> {
    const progress: ScanProgress = { scanId, state: 'running', files: 0, skipped: 0, errors: 0 }
    try {
      for await (const batch of walkPaths(paths, { signal })) {
        this.session.upsertRows(batch.map(rowFromScan))
        for (const file of batch) {
          if (file.status === 'ok') progress.files++
          else if (file.status === 'skipped') progress.skipped++
          else progress.errors++
        }
        this.report({ ...progress })
      }
      this.session.flush()
      this.report({ ...progress, state: 'done' })
    } catch (err) {
      this.session.flush()
      const cancelled = signal.aborted
      this.report({
        ...progress,
        state: cancelled ? 'cancelled' : 'failed',
        ...(cancelled ? {} : { message: err instanceof Error ? err.message : String(err) }),
      })
    }
  }
}
