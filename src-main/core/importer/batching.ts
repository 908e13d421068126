/**
 * Splits entries into request bodies bounded by count and by bytes. The server's default body
 * limit is 500 kB (`httpServer.maxRequestBodySize`), so batching by count alone could build a
 * body it refuses; 400 kB leaves room for a proxy's headers and our own miscount. Pure.
 */
import type { ImportEntry } from '../model/livingdocs'

export const DEFAULT_BATCH_SIZE = 100
export const DEFAULT_BATCH_BYTES = 400_000

/** An entry serialised once: the bytes measured are exactly the bytes sent. */
export interface PreparedEntry {
  entry: ImportEntry
  json: string
  bytes: number
}

/** `{"mediaLibraryEntries":[` + `]}` */
const WRAPPER_BYTES = Buffer.byteLength('{"mediaLibraryEntries":[]}')

export function prepareEntry(entry: ImportEntry): PreparedEntry {
  const json = JSON.stringify(entry)
  return { entry, json, bytes: Buffer.byteLength(json) }
}

/** Size of the request body that carries these entries. */
export function bodyBytes(entries: readonly PreparedEntry[]): number {
  let total = WRAPPER_BYTES + Math.max(0, entries.length - 1)
  for (const e of entries) total += e.bytes
  return total
}

/**
 * Fills batches in order. An entry that alone exceeds `maxBytes` still gets a batch of its own:
 * only the server can say whether it fits, and a 413 then names that one entry.
 */
export function planBatches(
  entries: readonly PreparedEntry[],
  limits: { maxCount?: number; maxBytes?: number } = {},
): PreparedEntry[][] {
  const maxCount = Math.max(1, limits.maxCount ?? DEFAULT_BATCH_SIZE)
  const maxBytes = limits.maxBytes ?? DEFAULT_BATCH_BYTES
  const batches: PreparedEntry[][] = []
  let current: PreparedEntry[] = []
  let bytes = WRAPPER_BYTES
  for (const entry of entries) {
    const added = entry.bytes + (current.length > 0 ? 1 : 0)
    if (current.length > 0 && (current.length >= maxCount || bytes + added > maxBytes)) {
      batches.push(current)
      current = []
      bytes = WRAPPER_BYTES
    }
    bytes += entry.bytes + (current.length > 0 ? 1 : 0)
    current.push(entry)
  }
  if (current.length > 0) batches.push(current)
  return batches
}

/** Halves a batch the server refused as too large (413). */
export function splitBatch<T>(batch: readonly T[]): [T[], T[]] {
  const middle = Math.ceil(batch.length / 2)
  return [batch.slice(0, middle), batch.slice(middle)]
}
