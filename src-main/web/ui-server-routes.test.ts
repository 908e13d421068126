/**
 * What the ui server serves: its build folder and nothing else, thumbnails by key, a video row's
 * bytes by row id, command answers and events on one ordered stream.
 */
import { request as httpRequest } from 'node:http'
import { describe, expect, it } from 'vitest'
import { command, cookie, events, key, send, server, serveForTests } from './testing/ui-server-fixture'

serveForTests()

describe('media-import ui server: what it serves', () => {
  it('serves nothing outside the build folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt']) {
      const answer = await send(path, { headers: cookie() })
      expect(answer.status).toBe(404)
      expect(answer.body).not.toContain('not to be served')
    }
  })

  it('serves thumbnails by cache key only', async () => {
    const thumb = await send(`/media-thumb/${key}`, { headers: cookie() })
    expect(thumb.status).toBe(200)
    expect(thumb.headers['content-type']).toBe('image/webp')
    expect(thumb.body).toBe('RIFF-webp')
    expect((await send('/media-thumb/../secret.txt', { headers: cookie() })).status).toBe(404)
  })

  it("serves a video row's bytes by row id, in ranges, with the token only, and nothing by path", async () => {
    const whole = await send('/media-file/video-row', { headers: cookie() })
    expect(whole.status).toBe(200)
    expect(whole.body).toBe('0123456789')
    const part = await send('/media-file/video-row', { headers: { ...cookie(), Range: 'bytes=2-5' } })
    expect(part.status).toBe(206)
    expect(part.body).toBe('2345')
    expect((await send('/media-file/video-row')).status).toBe(403)
    expect((await send('/media-file/other-row', { headers: cookie() })).status).toBe(404)
    expect((await send('/media-file/..%2Fsecret.txt', { headers: cookie() })).status).toBe(404)
  })

  it("puts a page's command answers on its own stream, after the events sent before them (one ordered channel, as IPC)", async () => {
    const stream = 'ab'.repeat(16)
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/__mi/events?stream=${stream}`,
          headers: { Host: `127.0.0.1:${server.port}`, ...cookie() },
        },
        (res) => {
          let text = ''
          res.on('data', (chunk: Buffer) => {
            const first = text === ''
            text += chunk.toString()
            if (first) {
              events.emit('scanProgress', { scanId: 'before', state: 'done', files: 0, skipped: 0, errors: 0 })
              void command('getAppInfo', '', { 'X-Media-Import-Stream': stream, 'X-Media-Import-Call': '7' }).then(
                (answer) => expect(answer.status).toBe(202),
                reject,
              )
            }
            if (text.includes('__answer')) {
              req.destroy()
              resolve(text)
            }
          })
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(received.indexOf('"before"')).toBeGreaterThan(0)
    expect(received.indexOf('"before"')).toBeLessThan(received.indexOf('event: __answer'))
    expect(received).toContain('event: __answer\ndata: {"call":7,"answer":{"ok":true,"value":{"version":"test"')
    // No stream of that id open (any more): the answer comes over HTTP.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const fallback = await command('getAppInfo', '', { 'X-Media-Import-Stream': stream, 'X-Media-Import-Call': '8' })
    expect(fallback.status).toBe(200)
    expect(JSON.parse(fallback.body)).toMatchObject({ ok: true })
  })

  it('delivers events over the stream once it is open, in order', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/__mi/events',
          headers: { Host: `127.0.0.1:${server.port}`, ...cookie() },
        },
        (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8')
          let text = ''
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString()
            if (text.includes('event: __ready') && !text.includes('scanProgress')) {
              events.emit('scanProgress', { scanId: 's1', state: 'running', files: 1, skipped: 0, errors: 0 })
              events.emit('scanProgress', { scanId: 's1', state: 'done', files: 2, skipped: 0, errors: 0 })
            }
            if (text.includes('"done"')) {
              req.destroy()
              resolve(text)
            }
          })
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(received).toContain('event: scanProgress\ndata: {"scanId":"s1","state":"running"')
    expect(received.indexOf('"running"')).toBeLessThan(received.indexOf('"done"'))
  })
})
