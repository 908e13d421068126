/**
 * The client against a real HTTP server on 127.0.0.1 whose answers each test scripts, so every
 * typed error comes from real sockets, headers and bodies.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { LivingdocsClient } from './client'
import { LivingdocsApiError } from './errors'

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void
let handler: Handler
let server: Server
let url: string
const seen: { method: string; url: string; auth: string | undefined; body: string }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, body })
      handler(req, body, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})
beforeEach(() => {
  seen.length = 0
})

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

const client = (over: Partial<ConstructorParameters<typeof LivingdocsClient>[0]> = {}) =>
  new LivingdocsClient({ url: `${url}/`, token: 'secret-token', apiVersion: '2026-05', timeoutMs: 2000, ...over })

async function failure(promise: Promise<unknown>): Promise<LivingdocsApiError> {
  try {
    await promise
  } catch (err) {
    if (err instanceof LivingdocsApiError) return err
    throw err
  }
  throw new Error('expected a LivingdocsApiError')
}

describe('version negotiation', () => {
  it('picks the newest version the server answers and keeps the config it fetched', async () => {
    handler = (req, _b, res) => {
      const m = /^\/api\/(\d{4}-\d{2})\/projectConfig$/.exec(req.url ?? '')
      if (!m?.[1]) return json(res, 404, { status: 404, error: 'Not Found' })
      if (m[1] > '2026-03') return json(res, 404, { status: 404, error: 'Not Found', error_details: { url: req.url } })
      json(res, 200, { mediaTypes: [{ handle: 'image', type: 'mediaImage', metadata: [] }] })
    }
    const c = client({ apiVersion: 'auto', now: () => new Date('2026-08-01T00:00:00Z') })
    expect(await c.resolveVersion()).toBe('2026-03')
    expect(seen.map((s) => s.url)).toEqual([
      '/api/2026-09/projectConfig',
      '/api/2026-07/projectConfig',
      '/api/2026-05/projectConfig',
      '/api/2026-03/projectConfig',
    ])
    const model = await c.getProjectModel()
    expect(model.mediaTypes.map((t) => t.handle)).toEqual(['image'])
    expect(seen).toHaveLength(4)
    expect(seen.every((s) => s.auth === 'Bearer secret-token')).toBe(true)
  })

  it('skips removed versions (410) and says so when nothing answers', async () => {
    handler = (_req, _b, res) => json(res, 410, { status: 410, error: 'Gone' })
    const err = await failure(client({ apiVersion: 'auto' }).resolveVersion())
    expect(err.kind).toBe('version')
    expect(err.message).toMatch(/answered none of the API versions \d{4}-\d{2} down to 2025-03, nor v1/)
  })

  it('falls back to v1 for a server from before 2025-03, which knows no date versions', async () => {
    handler = (req, _b, res) => {
      if (req.url === '/api/v1/projectConfig') return json(res, 200, { settings: {}, mediaTypes: [] })
      json(res, 404, { status: 404, error: 'Not Found', error_details: { url: req.url } })
    }
    const c = client({ apiVersion: 'auto' })
    expect(await c.resolveVersion()).toBe('v1')
    expect(seen.at(-2)?.url).toBe('/api/2025-03/projectConfig')
  })

  it('stops negotiating on an auth failure', async () => {
    handler = (_req, _b, res) =>
      json(res, 401, {
        status: 401,
        error: 'Unauthorized',
        error_details: { access_token: 'The access token expired.' },
      })
    const err = await failure(client({ apiVersion: 'auto' }).resolveVersion())
    expect(err.kind).toBe('auth')
    expect(err.stopsRun).toBe(true)
    expect(err.message).toMatch(/The access token expired/)
    expect(err.message).not.toMatch(/secret-token/)
    expect(seen).toHaveLength(1)
  })

  it('refuses a malformed apiVersion before any request', () => {
    expect(() => client({ apiVersion: '2026-04' })).toThrow(/not a Livingdocs API version/)
  })
})

describe('import', () => {
  it('posts the serialised entries and normalises each response shape', async () => {
    for (const shape of ['results', 'mediaLibraryEntries', 'array'] as const) {
      handler = (_req, body, res) => {
        const ids = (JSON.parse(body) as { mediaLibraryEntries: { id: string }[] }).mediaLibraryEntries.map((e) => e.id)
        const items = ids.map((id) => ({ ok: true, status: 200, id, record: { id } }))
        json(res, 200, shape === 'array' ? items : { [shape]: items })
      }
      const items = await client().importSerialized([JSON.stringify({ id: 'a' }), JSON.stringify({ id: 'b' })])
      expect(items.map((i) => [i.outcome, i.id])).toEqual([
        ['ok', 'a'],
        ['ok', 'b'],
      ])
    }
    expect(seen[0]?.url).toBe('/api/2026-05/import/mediaLibrary')
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ mediaLibraryEntries: [{ id: 'a' }, { id: 'b' }] })
  })

  it('types each failure: rate limit with Retry-After, server, too large, version, request', async () => {
    const cases: [number, Record<string, string>, string, boolean, boolean][] = [
      [429, { 'retry-after': '2' }, 'rate-limit', true, false],
      [500, {}, 'server', true, true],
      [503, { 'retry-after': '1' }, 'server', true, true],
      [413, {}, 'too-large', false, false],
      [404, {}, 'version', false, false],
      [410, {}, 'version', false, false],
      [403, {}, 'auth', false, false],
      [400, {}, 'request', false, false],
    ]
    for (const [status, headers, kind, retryable, ambiguous] of cases) {
      handler = (_req, _b, res) => json(res, status, { status, error: 'X' }, headers)
      const err = await failure(client().importSerialized(['{}']))
      expect([status, err.kind, err.retryable, err.ambiguous, err.status]).toEqual([
        status,
        kind,
        retryable,
        ambiguous,
        status,
      ])
      if (status === 429) expect(err.retryAfterMs).toBe(2000)
      if (status === 503) expect(err.retryAfterMs).toBe(1000)
      if (status === 410) expect(err.message).toMatch(/API version 2026-05/)
    }
  })

  it('calls a 200 with a non-JSON body malformed and ambiguous', async () => {
    handler = (_req, _b, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"results": [')
    }
    const err = await failure(client().importSerialized(['{}']))
    expect([err.kind, err.retryable, err.ambiguous]).toEqual(['malformed', true, true])
  })

  it('calls JSON without a result list a bad answer that stops the run', async () => {
    handler = (_req, _b, res) => json(res, 200, { hello: 'world' })
    const err = await failure(client().importSerialized(['{}']))
    expect([err.kind, err.stopsRun, err.ambiguous]).toEqual(['bad-answer', true, true])
    expect(err.message).toMatch(/POST \/api\/2026-05\/import\/mediaLibrary \(200\).*no result list/)
  })

  it('times out a request whose answer does not come, as an ambiguous failure', async () => {
    handler = () => undefined // never answers
    const started = Date.now()
    const err = await failure(client({ importTimeoutMs: 200 }).importSerialized(['{}']))
    expect([err.kind, err.retryable, err.ambiguous]).toEqual(['timeout', true, true])
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it('reports a destroyed socket as an ambiguous network error', async () => {
    handler = (req) => req.socket.destroy()
    const err = await failure(client().importSerialized(['{}']))
    expect([err.kind, err.retryable, err.ambiguous]).toEqual(['network', true, true])
  })

  it('reports a refused connection as a network error that is not ambiguous', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const err = await failure(client({ url: `http://127.0.0.1:${port}` }).importSerialized(['{}']))
    expect([err.kind, err.ambiguous]).toEqual(['network', false])
    expect(err.message).toMatch(/ECONNREFUSED/)
  })

  it('cancels on the caller signal', async () => {
    handler = () => undefined
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const err = await failure(client().importSerialized(['{}'], controller.signal))
    expect(err.kind).toBe('cancelled')
  })
})

describe('lookups', () => {
  it('asks by ids in chunks of 50 and keeps only the ids asked for', async () => {
    handler = (req, _b, res) => {
      const ids = new URL(req.url ?? '', url).searchParams.get('ids')?.split(',') ?? []
      json(res, 200, { results: [...ids.filter((id) => id.endsWith('1')).map((id) => ({ id })), { id: 'stranger' }] })
    }
    const ids = Array.from({ length: 120 }, (_, i) => `id-${i}`)
    const found = await client().getEntriesByIds(ids)
    expect(seen).toHaveLength(3)
    expect(found.map((e) => e.id)).toEqual(ids.filter((id) => id.endsWith('1')))
  })

  it('asks many externalIds per request (externalIds=a,b), in chunks of 50, keeping only those asked', async () => {
    handler = (req, _b, res) => {
      const params = new URL(req.url ?? '', url).searchParams
      const asked = params.get('externalIds')?.split(',') ?? []
      const hits = asked.filter((id) => id.endsWith('7')).map((externalId) => ({ id: `m-${externalId}`, externalId }))
      json(res, 200, { results: [...hits, { id: 'stranger', externalId: 'not-asked' }] })
    }
    const ids = Array.from({ length: 60 }, (_, i) => `sha256-${i}`)
    const found = await client().findByExternalIds('dam', ids)
    expect(seen).toHaveLength(2)
    expect(seen[0]?.url).toMatch(/^\/api\/2026-05\/mediaLibrary\?systemName=dam&externalIds=sha256-0,sha256-1,/)
    expect(found.map((e) => e.externalId)).toEqual(ids.filter((id) => id.endsWith('7')))
  })

  it('asks one externalId per request when the server refuses the list (400), and keeps doing so', async () => {
    handler = (req, _b, res) => {
      const params = new URL(req.url ?? '', url).searchParams
      if (params.has('externalIds')) return json(res, 400, { status: 400, error: 'Bad Request', error_details: {} })
      const one = params.get('externalId') ?? ''
      json(res, 200, { results: one === 'b' ? [{ id: 'm-b', systemName: 'dam', externalId: 'b' }] : [] })
    }
    const api = client()
    expect((await api.findByExternalIds('dam', ['a', 'b'])).map((e) => e.id)).toEqual(['m-b'])
    expect(seen.map((r) => r.url)).toEqual([
      '/api/2026-05/mediaLibrary?systemName=dam&externalIds=a,b',
      '/api/2026-05/mediaLibrary?systemName=dam&externalId=a',
      '/api/2026-05/mediaLibrary?systemName=dam&externalId=b',
    ])
    await api.findByExternalIds('dam', ['c'])
    expect(seen.at(-1)?.url).toBe('/api/2026-05/mediaLibrary?systemName=dam&externalId=c')
  })

  it('finds by systemName and externalId', async () => {
    handler = (_req, _b, res) =>
      json(res, 200, {
        mediaLibraryEntries: [{ id: 'm-9', systemName: 'dam', externalId: 'a b', asset: { key: 'k' } }],
      })
    const found = await client().findByExternalId('dam', 'a b')
    expect(seen[0]?.url).toBe('/api/2026-05/mediaLibrary?systemName=dam&externalId=a%20b')
    expect(found).toMatchObject([{ id: 'm-9', assetKey: 'k' }])
  })
})
