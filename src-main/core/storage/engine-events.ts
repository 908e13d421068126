/**
 * The engine's two event streams, typed: per-row events and total progress. A listener that
 * throws is isolated: one consumer's bug must not stall the uploads of every other row.
 */
import type { TotalProgress, UploadEvent } from './types'

export type RowListener = (event: UploadEvent) => void
export type TotalListener = (progress: TotalProgress) => void

export class EngineEvents {
  private readonly row = new Set<RowListener>()
  private readonly total = new Set<TotalListener>()

  on(event: 'row', listener: RowListener): () => void
  on(event: 'total', listener: TotalListener): () => void
  on(event: 'row' | 'total', listener: RowListener | TotalListener): () => void {
    const set = (event === 'row' ? this.row : this.total) as Set<typeof listener>
    set.add(listener)
    return () => set.delete(listener)
  }

  emitRow(event: UploadEvent): void {
    for (const listener of this.row) safely(() => listener(event))
  }

  emitTotal(progress: TotalProgress): void {
    for (const listener of this.total) safely(() => listener(progress))
  }
}

function safely(call: () => void): void {
  try {
    call()
  } catch {
    // isolated on purpose (see above)
  }
}
