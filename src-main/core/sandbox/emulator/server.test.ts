import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestEmulator } from './testing'
import { call, imageEntry, postImport, startTestEmulator } from './testing'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator({
    maxBodyBytes: 64 * 1024,
    extraTokens: [{ token: 'no-config-token', scopes: ['public-api:read', 'public-api:write'] }],
  })
})
afterAll(async () => {
  await emu.dispose()
})

async function json(res: Response): Promise<unknown> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  return res.json()
}

describe('versions and paths', () => {
  it('answers 410 Gone for a removed date version', async () => {
    const res = await call(emu, 'GET', 'projectConfig', undefined, { version: '2024-11' })
    expect(res.status).toBe(410)
    expect(await json(res)).toMatchObject({
      status: 410,
      error: 'Gone',
      error_details: { message: expect.stringMatching(/removed/) },
    })
  })

  it('answers the documented 404 for an unknown version and for an unknown path', async () => {
    const unknownVersion = await call(emu, 'GET', 'projectConfig', undefined, { version: '2026-09' })
    expect(unknownVersion.status).toBe(404)
    expect(await json(unknownVersion)).toEqual({
      status: 404,
      error: 'Not Found',
      error_details: { url: '/api/2026-09/projectConfig' },
    })
    const unknownPath = await call(emu, 'GET', 'foo')
    expect(await json(unknownPath)).toEqual({
      status: 404,
      error: 'Not Found',
      error_details: { url: '/api/2026-07/foo' },
    })
    const wrongMethod = await call(emu, 'GET', 'import/mediaLibrary')
    expect(wrongMethod.status).toBe(404)
    expect((await fetch(`${emu.url}/health`)).status).toBe(404)
  })

  it('serves the project config to both tokens, for v1 and beta too', async () => {
    for (const version of ['2026-07', 'v1', 'beta']) {
      const res = await call(emu, 'GET', 'projectConfig', undefined, { version, token: emu.readOnlyToken })
      expect(res.status).toBe(200)
      const config = (await json(res)) as { mediaTypes: { handle: string }[] }
      expect(config.mediaTypes.map((t) => t.handle)).toEqual(['image', 'video', 'file'])
    }
  })
})

describe('auth', () => {
  it('answers 401 without a token, with an unknown token and with a non-Bearer header', async () => {
    const cases = [
      await call(emu, 'GET', 'projectConfig', undefined, { token: null }),
      await call(emu, 'GET', 'projectConfig', undefined, { token: 'not-the-token' }),
      await call(emu, 'GET', 'projectConfig', undefined, {
        token: null,
        headers: { authorization: `Basic ${emu.token}` },
      }),
    ]
    for (const res of cases) {
      expect(res.status).toBe(401)
      const body = (await json(res)) as { error_details: { access_token: string } }
      expect(body).toMatchObject({ status: 401, error: 'Unauthorized' })
      expect(typeof body.error_details.access_token).toBe('string')
    }
  })

  it('answers 403 to a read-only token on a write, and stores nothing', async () => {
    const { status, body } = await postImport(emu, [imageEntry('ro-write')], { token: emu.readOnlyToken })
    expect(status).toBe(403)
    expect(body).toEqual({
      status: 403,
      error: 'Forbidden',
      error_details: { access_token: 'The request requires higher privileges' },
    })
    expect(emu.entries().some((e) => e.id === 'ro-write')).toBe(false)
  })
})

describe('scopes as documented', () => {
  it('needs public-api:config:read for projectConfig, public-api:read for lookups, public-api:write for imports', async () => {
    const forbidden = {
      status: 403,
      error: 'Forbidden',
      error_details: { access_token: 'The request requires higher privileges' },
    }
    const config = await call(emu, 'GET', 'projectConfig', undefined, { token: 'no-config-token' })
    expect([config.status, await json(config)]).toEqual([403, forbidden])
    const lookup = await call(emu, 'GET', 'mediaLibrary?ids=x', undefined, { token: 'no-config-token' })
    expect(lookup.status).toBe(200)
    const readOnlyLookup = await call(emu, 'GET', 'mediaLibrary?ids=x', undefined, { token: emu.readOnlyToken })
    expect(readOnlyLookup.status).toBe(200)
    const { status } = await postImport(emu, [imageEntry('scoped-write')], { token: 'no-config-token' })
    expect(status).toBe(200)
  })
})

describe('whole-request errors of POST import/mediaLibrary', () => {
  const post = (body: string, headers?: Record<string, string>) =>
    call(emu, 'POST', 'import/mediaLibrary', body, headers ? { headers } : {})

  it('answers 400 for malformed JSON', async () => {
    const res = await post('{"mediaLibraryEntries": [')
    expect(res.status).toBe(400)
    expect(await json(res)).toMatchObject({
      status: 400,
      error: 'Bad Request',
      error_details: { message: expect.stringMatching(/^The request body is not valid JSON/) },
    })
  })

  it('answers 400 for a body that is not { mediaLibraryEntries: [...] }', async () => {
    const expected = 'The request body must be an object { "mediaLibraryEntries": [ ... ] }'
    for (const body of ['[]', '{}', '{"mediaLibraryEntries": {}}', 'null']) {
      const res = await post(body)
      expect(res.status).toBe(400)
      expect(await json(res)).toEqual({ status: 400, error: 'Bad Request', error_details: { message: expected } })
    }
    const extra = await post('{"mediaLibraryEntries": [], "dryRun": true}')
    expect(((await json(extra)) as { error_details: { message: string } }).error_details.message).toBe(
      'dryRun is not allowed next to mediaLibraryEntries',
    )
    const notObject = await post('{"mediaLibraryEntries": [{}, 3]}')
    expect(((await json(notObject)) as { error_details: { message: string } }).error_details.message).toBe(
      'mediaLibraryEntries[1] must be an object',
    )
  })

  it('answers 400 when the body is not sent as JSON', async () => {
    const res = await post('{"mediaLibraryEntries": []}', { 'content-type': 'text/plain' })
    expect(res.status).toBe(400)
  })

  it('answers 413 with a JSON body past maxBodyBytes, declared or streamed, and stores nothing', async () => {
    const entries = Array.from({ length: 200 }, (_, i) =>
      imageEntry(`big-${i}`, { metadata: { title: 'x'.repeat(190) } }),
    )
    const body = JSON.stringify({ mediaLibraryEntries: entries })
    expect(body.length).toBeGreaterThan(64 * 1024)
    const declared = await post(body)
    expect(declared.status).toBe(413)
    expect(await json(declared)).toMatchObject({
      status: 413,
      error: 'Payload Too Large',
      error_details: { limit: 65536 },
    })

    const bytes = new TextEncoder().encode(body)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192))
        controller.close()
      },
    })
    const streamed = await fetch(`${emu.url}/api/2026-07/import/mediaLibrary`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(emu.entries().some((e) => e.id.startsWith('big-'))).toBe(false)
  })
})
