import { createServer, type Server } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { listenOnPreferredPort } from './preferred-port'

const servers: Server[] = []

/** A real listener on 127.0.0.1, as startUiServer makes; rejects with EADDRINUSE when the port is taken. */
function listen(port: number): Promise<number> {
  const server = createServer()
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      servers.push(server)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))))
})

describe('listenOnPreferredPort', () => {
  it('listens on the preferred port when it is free, so the page keeps its origin from run to run', async () => {
    const free = await listen(0)
    await new Promise((done) => servers.pop()!.close(done))
    expect(await listenOnPreferredPort(listen, free)).toBe(free)
  })

  it('takes a free port when another process listens on the preferred one', async () => {
    const taken = await listen(0)
    const port = await listenOnPreferredPort(listen, taken)
    expect(port).not.toBe(taken)
    expect(port).toBeGreaterThan(0)
  })

  it('passes on any other failure', async () => {
    const denied = Object.assign(new Error('listen EACCES'), { code: 'EACCES' })
    await expect(listenOnPreferredPort(() => Promise.reject(denied), 80)).rejects.toBe(denied)
  })
})
