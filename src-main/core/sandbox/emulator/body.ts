/**
 * Reads a request body up to a byte limit, like body-parser's `limit` (Livingdocs'
 * httpServer.maxRequestBodySize, default '500kb'). Past the limit it stops keeping bytes and
 * reports `too-large` at once, so the 413 goes out while the client may still be sending.
 */
import type { IncomingMessage } from 'node:http'

export type BodyResult = { kind: 'ok'; text: string } | { kind: 'too-large'; limit: number } | { kind: 'aborted' }

export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    discardRest(req)
    return Promise.resolve({ kind: 'too-large', limit })
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let received = 0
    let settled = false
    const settle = (result: BodyResult): void => {
      if (settled) return
      settled = true
      req.off('data', onData)
      resolve(result)
    }
    const onData = (chunk: Buffer): void => {
      received += chunk.length
      if (received > limit) {
        chunks.length = 0
        discardRest(req)
        settle({ kind: 'too-large', limit })
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => settle({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }))
    // 'close' without a complete body means the client went away mid-request.
    req.on('close', () =>
      settle(req.complete ? { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') } : { kind: 'aborted' }),
    )
    req.on('error', () => settle({ kind: 'aborted' }))
  })
}

// Bytes past the limit are read and dropped rather than left unread: closing a socket with unread
// input makes the kernel send a reset, and the client would see ECONNRESET instead of the 413.
function discardRest(req: IncomingMessage): void {
  req.resume()
}
