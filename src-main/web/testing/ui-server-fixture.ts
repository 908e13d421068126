/**
 * The ui server the gate and route tests run against: the real server on 127.0.0.1 with the real
 * handler table (an AppCore over an in-memory session), a tiny build folder, one thumbnail and one
 * video row, and HTTP requests whose headers the test controls. Exports are live bindings, set
 * once `serveForTests()`'s beforeAll ran.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { createAppCore } from '../../core/commands/handlers'
import { thumbnailKey, thumbnailRelativePath } from '../../../src-shared/urls/thumbnail-url'
import { EventStreams } from '../event-stream'
import { startUiServer, type UiServer } from '../ui-server'

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

export let server: UiServer
let dir: string
export const events = new EventStreams()
export const key = thumbnailKey('b'.repeat(64), 256)

export function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

export const cookie = () => ({ Cookie: `media-import-ui-${server.port}=${server.token}` })
export const command = (name: string, body: string, headers: Record<string, string> = {}) =>
  send(`/__mi/command/${name}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', 'X-Media-Import-Token': server.token, ...headers },
  })

/** Registers the server's start and stop around the calling test file. */
export function serveForTests(): void {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mi-ui-server-'))
    const renderer = join(dir, 'renderer')
    await mkdir(join(renderer, 'assets'), { recursive: true })
    await writeFile(
      join(renderer, 'index.html'),
      '<html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>',
    )
    await writeFile(join(renderer, 'assets', 'app.js'), 'console.log(1)')
    await writeFile(join(dir, 'secret.txt'), 'not to be served')
    const thumbs = join(dir, 'thumbs')
    await mkdir(join(thumbs, key.slice(0, 2)), { recursive: true })
    await writeFile(join(thumbs, ...thumbnailRelativePath(key).split('/')), 'RIFF-webp')
    const core = createAppCore({
      appInfo: () => ({ version: 'test', mode: 'sandbox', profileName: 'Sandbox', livingdocsUrl: '' }),
      pickPaths: async () => [],
      emit: events.emit,
    })
    await writeFile(join(dir, 'clip.mp4'), '0123456789')
    const video = {
      rowId: 'video-row',
      path: join(dir, 'clip.mp4'),
      relativePath: 'clip.mp4',
      size: 10,
      mtimeMs: 0,
      status: 'probed',
      kind: 'video',
      mimeType: 'video/mp4',
      sha256: 'a'.repeat(64),
    } as const
    server = await startUiServer({
      handlers: core.handlers,
      events,
      thumbnailDir: thumbs,
      rendererDir: renderer,
      getRow: (rowId) => (rowId === video.rowId ? video : undefined),
    })
  })

  afterAll(async () => {
    await server.close()
    await rm(dir, { recursive: true, force: true })
  })
}
