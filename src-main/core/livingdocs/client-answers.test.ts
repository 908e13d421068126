/**
 * Server answers are not trusted: each is read up to a cap fitting its endpoint (streaming, the
 * request aborted past it) and checked against its documented shape; a wrong one is a
 * `bad-answer` naming the endpoint, the status and what was wrong. Also the documented API
 * facts around errors: a 403 names the scope, a 404 `NotFound` is "no such entry", `Warning`
 * headers are passed on once. Against a real HTTP server on 127.0.0.1.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROJECT_CONFIG_MAX_BYTES } from './answer-limits'
import { LivingdocsClient, SCOPES } from './client'
import { LivingdocsApiError } from './errors'

type Handler = (req: IncomingMessage, res: ServerResponse) => void
let handler: Handler
let server: Server
let url: string

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume()
    req.on('end', () => handler(req, res))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

const client = (over: Partial<ConstructorParameters<typeof LivingdocsClient>[0]> = {}) =>
  new LivingdocsClient({ url, token: 't', apiVersion: '2026-05', timeoutMs: 20_000, ...over })

async function failure(promise: Promise<unknown>): Promise<LivingdocsApiError> {
  try {
    await promise
  } catch (err) {
    if (err instanceof LivingdocsApiError) return err
    throw err
  }
  throw new Error('expected a LivingdocsApiError')
}

/** Streams `total` bytes of a JSON string in 1 MB chunks, counting what the socket took before it closed. */
function streamHuge(total: number, sent: { bytes: number; closed: boolean }): Handler {
  return (_req, res) => {
    const chunk = Buffer.alloc(1024 * 1024, 'a')
    res.writeHead(200, { 'content-type': 'application/json' })
    res.write('"')
    res.on('close', () => (sent.closed = true))
    const pump = (): void => {
      while (sent.bytes < total && !sent.closed) {
        sent.bytes += chunk.length
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      if (!sent.closed) res.end('"')
    }
    pump()
  }
}

describe('answers are size-capped', () => {
  it('stops reading a 300 MB projectConfig at its cap and aborts the request', async () => {
    const sent = { bytes: 0, closed: false }
    handler = streamHuge(300 * 1024 * 1024, sent)
    const started = Date.now()
    const rssBefore = process.memoryUsage().rss
    const err = await failure(client().getProjectConfig())
    const ms = Date.now() - started
    const rssGrowth = process.memoryUsage().rss - rssBefore
    expect(err.kind).toBe('bad-answer')
    expect(err.stopsRun).toBe(true)
    expect(err.message).toMatch(/GET \/api\/2026-05\/projectConfig \(200\).*larger than 16 MB/)
    await expect.poll(() => sent.closed).toBe(true)
    // The server got to write little more than the cap (socket buffers), not 300 MB.
    expect(sent.bytes).toBeLessThan(PROJECT_CONFIG_MAX_BYTES + 32 * 1024 * 1024)
    expect(ms).toBeLessThan(10_000)
    expect(rssGrowth).toBeLessThan(400 * 1024 * 1024)
    console.info(
      `300 MB projectConfig: stopped after ${ms} ms, server wrote ${sent.bytes >> 20} MB, RSS +${rssGrowth >> 20} MB`,
    )
  })

  it('refuses at once an answer whose Content-Length is over the cap', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) })
      res.write('{')
    }
    const err = await failure(client().getProjectConfig())
    expect(err.kind).toBe('bad-answer')
  })

  it('keeps the status of an oversized error answer (a huge proxy page on 502 stays a retryable 502)', async () => {
    handler = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' })
      res.end(`<html>${'x'.repeat(1024 * 1024)}</html>`)
    }
    const err = await failure(client().importSerialized(['{"id":"a"}']))
    expect([err.kind, err.status, err.retryable]).toEqual(['server', 502, true])
  })

  it('caps an import answer by the size of the batch it answers', async () => {
    const sent = { bytes: 0, closed: false }
    handler = streamHuge(8 * 1024 * 1024, sent)
    const err = await failure(client().importSerialized(['{"id":"a"}']))
    expect([err.kind, err.ambiguous, err.stopsRun]).toEqual(['bad-answer', true, true])
    expect(err.message).toMatch(/POST \/api\/2026-05\/import\/mediaLibrary \(200\).*larger than 80 kB/)
    expect(sent.bytes).toBeLessThan(8 * 1024 * 1024)
  })
})

describe('answers are schema-checked', () => {
  it('refuses a projectConfig of nested arrays, naming endpoint, status and problem', async () => {
    handler = (_req, res) => json(res, 200, [[[[]]]])
    const err = await failure(client().getProjectModel())
    expect(err.kind).toBe('bad-answer')
    expect(err.message).toMatch(
      /^The Livingdocs server's answer to GET \/api\/2026-05\/projectConfig \(200\) cannot be used: expected the project config object, received an array\./,
    )
  })

  it('names the field of a projectConfig that has the wrong type', async () => {
    handler = (_req, res) =>
      json(res, 200, { settings: {}, mediaTypes: [{ handle: 'image', type: 'mediaImage', metadata: [[1]] }] })
    const err = await failure(client().getProjectModel())
    expect(err.message).toMatch(/mediaTypes\.0\.metadata\.0: expected object, received array/)
    handler = (_req, res) => json(res, 200, { hello: 'world' })
    expect((await failure(client().getProjectModel())).message).toMatch(/neither mediaTypes nor settings/)
  })

  it('still reads a config wrapped in {projectConfig} and one with fields it does not know', async () => {
    const config = { v: 2, settings: { x: 1 }, mediaTypes: [{ handle: 'pic', type: 'mediaImage', new: true }] }
    handler = (_req, res) => json(res, 200, { projectConfig: config })
    expect((await client().getProjectModel()).mediaTypes.map((t) => t.handle)).toEqual(['pic'])
  })

  it('refuses an import answer with items of the wrong type or more items than entries', async () => {
    handler = (_req, res) => json(res, 200, { results: [{ ok: true, status: '200', id: 'a' }] })
    const err = await failure(client().importSerialized(['{"id":"a"}']))
    expect(err.kind).toBe('bad-answer')
    expect(err.message).toMatch(/results\.0\.status: expected (int|number), received string/)
    handler = (_req, res) =>
      json(res, 200, {
        results: [
          { ok: true, id: 'a' },
          { ok: true, id: 'b' },
        ],
      })
    expect((await failure(client().importSerialized(['{"id":"a"}']))).message).toMatch(/2 results for 1 entries/)
  })

  it('refuses a lookup answer that holds no entries', async () => {
    handler = (_req, res) => json(res, 200, { results: 'none' })
    const err = await failure(client().getEntriesByIds(['a']))
    expect(err.kind).toBe('bad-answer')
    expect(err.message).toMatch(/GET \/api\/2026-05\/mediaLibrary \(200\)/)
  })
})

describe('documented error answers', () => {
  it('names the missing scope of each endpoint on 403', async () => {
    handler = (_req, res) =>
      json(res, 403, {
        status: 403,
        error: 'Forbidden',
        error_details: { access_token: 'The request requires higher privileges' },
      })
    const config = await failure(client().getProjectConfig())
    expect([config.kind, config.scope]).toEqual(['auth', SCOPES.config])
    expect(config.message).toBe(
      'The access token may not do this (403 Forbidden: The request requires higher privileges): ' +
        'GET /api/2026-05/projectConfig needs the scope public-api:config:read. Give the API client that scope ' +
        'under Project Admin → Api Clients (or create a token that has it) and configure the token.',
    )
    expect((await failure(client().getEntriesByIds(['a']))).scope).toBe('public-api:read')
    expect((await failure(client().importSerialized(['{}']))).scope).toBe('public-api:write')
  })

  it('reads a 404 NotFound of a lookup as "no such entry", and only an unknown route as a version problem', async () => {
    handler = (_req, res) =>
      json(res, 404, {
        status: 404,
        error: 'Not Found',
        error_details: { name: 'NotFound', message: "MediaLibrary Entry does not exist (id: 'a')" },
      })
    expect(await client().getEntriesByIds(['a'])).toEqual([])
    expect(await client().findByExternalId('dam', 'x')).toEqual([])
    handler = (req, res) => json(res, 404, { status: 404, error: 'Not Found', error_details: { url: req.url } })
    expect((await failure(client().getEntriesByIds(['a']))).kind).toBe('version')
  })

  it('passes the text of each distinct Warning on once per client', async () => {
    const warning = '299 - "Deprecated API version 2025-03: removal on 2027-05", 299 - "Say \\"hi\\""'
    handler = (_req, res) => json(res, 200, { results: [] }, { warning })
    const warnings: string[] = []
    const c = client({ onWarning: (w) => warnings.push(w) })
    await c.getEntriesByIds(['a'])
    await c.findByExternalId('dam', 'x')
    expect(warnings).toEqual(['Deprecated API version 2025-03: removal on 2027-05', 'Say "hi"'])
  })
})
