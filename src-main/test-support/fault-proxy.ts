/**
 * An HTTP proxy in front of the test S3 server that misbehaves on request: S3 error statuses
 * (5xx, 503 SlowDown), connection resets in the middle of a request body, stalls, and answers
 * lost after the server already stored the data. It counts the body bytes it received per object
 * key and part, so a test can assert exactly what a client sent again.
 * Loopback only; path-style addressing (`/bucket/key`) as the sandbox uses.
 */
import { createHash } from 'node:crypto'
import { Agent, createServer, request as httpRequest } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export type Fault =
  /** Answer with an S3 error document (body consumed first, as S3 does for small bodies). */
  | { type: 'status'; status: number; code: string }
  /** Take `afterBytes` of the body, then tear down the client connection (nothing reaches the server). */
  | { type: 'reset'; afterBytes: number }
  /** Take `afterBytes` of the body, then stop reading and never answer (nothing reaches the server). */
  | { type: 'stall'; afterBytes: number }
  /** Forward everything and let the server act, then drop the connection instead of answering. */
  | { type: 'drop-response' }
  /** Forward the body no faster than this (a slow line): keeps an upload in flight long enough to interrupt. */
  | { type: 'slow'; bytesPerSecond: number }
  /** Answer with this instead of S3, as a Wi-Fi sign-in page or a broken proxy does (nothing reaches the server). */
  | { type: 'answer'; status: number; contentType: string; body: string }
  /**
   * Hash the body and refuse it (400 XAmzContentSHA256Mismatch) when it is not the signed
   * x-amz-content-sha256, as S3 does; s3rver itself never checks. Matching bodies go on.
   */
  | { type: 'check-sha256' }

export interface ProxiedRequest {
  /** 1-based order of arrival over the proxy's life. */
  seq: number
  method: string
  bucket: string | undefined
  key: string | undefined
  partNumber: number | undefined
  uploadId: string | undefined
  /** `uploads` for CreateMultipartUpload, `complete` for Complete, else the method's plain meaning. */
  operation: string
  contentLength: number
  /** The canned ACL asked for (x-amz-acl), e.g. `public-read`. */
  acl: string | undefined
}

export type FaultRule = (request: ProxiedRequest) => Fault | undefined

export interface LoggedRequest extends ProxiedRequest {
  fault: Fault['type'] | undefined
  bytesReceived: number
}

export interface FaultProxy {
  endpoint: string
  setRule(rule: FaultRule | undefined): void
  /** Body bytes received for a key, every attempt counted. */
  bytesReceived(key: string): number
  /** Body bytes received for one part of a key (0 = single PUT). */
  partBytes(key: string, partNumber: number): number
  requests(): readonly LoggedRequest[]
  close(): Promise<void>
}

function describe(req: IncomingMessage, seq: number): ProxiedRequest {
  const url = new URL(req.url ?? '/', 'http://proxy')
  const [bucket, ...keyParts] = url.pathname.slice(1).split('/')
  const key = keyParts.length > 0 ? keyParts.map(decodeURIComponent).join('/') : undefined
  const partNumber = url.searchParams.get('partNumber')
  const uploadId = url.searchParams.get('uploadId') ?? undefined
  const method = req.method ?? 'GET'
  const operation = url.searchParams.has('uploads')
    ? 'create'
    : partNumber
      ? 'part'
      : uploadId && method === 'POST'
        ? 'complete'
        : uploadId && method === 'DELETE'
          ? 'abort'
          : method.toLowerCase()
  return {
    seq,
    method,
    bucket: bucket || undefined,
    key,
    partNumber: partNumber ? Number(partNumber) : undefined,
    uploadId,
    operation,
    contentLength: Number(req.headers['content-length'] ?? 0),
    acl: typeof req.headers['x-amz-acl'] === 'string' ? req.headers['x-amz-acl'] : undefined,
  }
}

const errorXml = (code: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>Injected by the fault proxy</Message></Error>`

export async function startFaultProxy(upstreamEndpoint: string, initialRule?: FaultRule): Promise<FaultProxy> {
  const upstream = new URL(upstreamEndpoint)
  // A fresh upstream connection per request, never a pooled one. s3rver closes a connection idle
  // for 5 s (Node's keepAliveTimeout); when the event loop was blocked longer than that (a test
  // comparing large buffers in this same process), the server's idle timer and the next request
  // run in the same loop turn, the agent hands out the socket the server is closing, and the
  // client saw an ECONNRESET that no rule injected. Loopback connects cost next to nothing.
  const agent = new Agent({ keepAlive: false, maxSockets: 64 })
  const perKey = new Map<string, number>()
  const perPart = new Map<string, number>()
  const log: LoggedRequest[] = []
  let rule = initialRule
  let seq = 0

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const info = describe(req, ++seq)
    const fault = rule?.(info)
    const entry: LoggedRequest = { ...info, fault: fault?.type, bytesReceived: 0 }
    log.push(entry)
    const count = (n: number): void => {
      entry.bytesReceived += n
      if (info.key === undefined || info.method !== 'PUT') return
      perKey.set(info.key, (perKey.get(info.key) ?? 0) + n)
      const partKey = `${info.key}#${info.partNumber ?? 0}`
      perPart.set(partKey, (perPart.get(partKey) ?? 0) + n)
    }

    if (fault?.type === 'status' || fault?.type === 'answer') {
      req.on('data', (chunk: Buffer) => count(chunk.length))
      req.on('end', () => {
        const type = fault.type === 'status' ? 'application/xml' : fault.contentType
        res.writeHead(fault.status, { 'content-type': type })
        res.end(fault.type === 'status' ? errorXml(fault.code) : fault.body)
      })
      return
    }

    if (fault?.type === 'reset' || fault?.type === 'stall') {
      // Never forwarded: s3rver would store the truncated body as the object, which S3 never does.
      let tripped = false
      req.on('data', (chunk: Buffer) => {
        if (tripped) return
        count(chunk.length)
        if (entry.bytesReceived <= fault.afterBytes) return
        tripped = true
        if (fault.type === 'reset') req.socket.destroy()
        else req.pause()
      })
      req.on('end', () => {
        if (!tripped && fault.type === 'reset') req.socket.destroy()
      })
      return
    }

    if (fault?.type === 'check-sha256') {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => {
        count(chunk.length)
        chunks.push(chunk)
      })
      req.on('end', () => {
        const body = Buffer.concat(chunks)
        const signed = req.headers['x-amz-content-sha256']
        const received = createHash('sha256').update(body).digest('hex')
        if (typeof signed === 'string' && /^[0-9a-f]{64}$/.test(signed) && signed !== received) {
          res.writeHead(400, { 'content-type': 'application/xml' })
          res.end(errorXml('XAmzContentSHA256Mismatch'))
        } else forward(body)
      })
      return
    }
    forward(undefined)

    /** Sends the request on to the server: `body` when it was read already, else piped as it comes. */
    function forward(body: Buffer | undefined): void {
      const headers = { ...req.headers }
      delete headers['expect']
      const up = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: info.method, path: req.url, headers, agent },
        (upRes) => {
          if (fault?.type === 'drop-response') {
            upRes.resume()
            upRes.on('end', () => req.socket.destroy())
            return
          }
          res.writeHead(upRes.statusCode ?? 502, upRes.headers)
          upRes.pipe(res)
        },
      )
      up.on('error', () => res.destroy())
      if (body) return void up.end(body)
      req.on('data', (chunk: Buffer) => count(chunk.length))
      if (fault?.type === 'slow') {
        // Each chunk waits as long as it would take on the slow line before the next is read.
        req.on('data', (chunk: Buffer) => {
          up.write(chunk)
          req.pause()
          setTimeout(() => req.resume(), (chunk.length / fault.bytesPerSecond) * 1000).unref()
        })
        req.on('end', () => up.end())
      } else req.pipe(up)
      req.on('close', () => {
        if (!req.complete) up.destroy()
      })
    }
  }

  // Long keep-alive on the client side, for the same reason: a client reusing a socket the proxy
  // just closed would see a reset we did not inject.
  const server = createServer({ keepAliveTimeout: 60_000 }, handle)
  const sockets = new Set<Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    endpoint: `http://127.0.0.1:${port}`,
    setRule: (next) => {
      rule = next
    },
    bytesReceived: (key) => perKey.get(key) ?? 0,
    partBytes: (key, partNumber) => perPart.get(`${key}#${partNumber}`) ?? 0,
    requests: () => log,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      agent.destroy()
    },
  }
}
