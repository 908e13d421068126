/**
 * Reads an HTTP answer's body up to a byte cap, streaming: past the cap it stops reading and
 * aborts the request, so an endless or huge answer costs at most `maxBytes` of memory and the
 * time to receive them (a 300 MB answer used to take 72 s and 2 GB before anything checked it).
 */

/** The body as text, or `undefined` when it is longer than `maxBytes` (the request is then aborted). */
export async function readCappedText(
  response: Response,
  maxBytes: number,
  abort: () => void,
): Promise<string | undefined> {
  // A declared length says it at once; with a content encoding it counts compressed bytes, so
  // only the stream below decides then.
  const declared = Number(response.headers.get('content-length') ?? NaN)
  if (!response.headers.get('content-encoding') && Number.isFinite(declared) && declared > maxBytes) {
    abort()
    await response.body?.cancel().catch(() => undefined)
    return undefined
  }
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      abort()
      await reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(value)
  }
  return new TextDecoder().decode(Buffer.concat(chunks))
}

/** `12 MB`, `640 kB`: for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} kB`
}
