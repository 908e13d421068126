/** A request body as text, refused past a size cap (a page cannot make the server hold gigabytes). */
import type { IncomingMessage } from 'node:http'

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request is larger than ${Math.round(limit / 1024 / 1024)} MiB.`)
  }
}

export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge(limit))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new BodyTooLarge(limit))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
