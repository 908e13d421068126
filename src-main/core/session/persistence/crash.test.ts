/**
 * A process killed (SIGKILL) at an arbitrary instant loses no change it had seen on disk, and its
 * session folder opens again; the torn tail, if any, is dropped.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSessionFolder } from './open-session'

const worker = resolve(__dirname, 'testing/crash-writer.ts')
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'session-crash-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

function runUntilKilled(killAfter: number): Promise<number> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', worker, dir], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  let acknowledged = 0
  return new Promise((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const lines = out.split('\n').filter(Boolean)
      acknowledged = Number(lines.at(-1) ?? 0)
      if (lines.length >= killAfter && child.exitCode === null) child.kill('SIGKILL')
    })
    child.once('error', fail)
    child.once('exit', (_code, signal) =>
      signal === 'SIGKILL' ? done(acknowledged) : fail(new Error(`exited ${signal}`)),
    )
  })
}

describe('crash at any instant', () => {
  it('keeps every acknowledged change through repeated kills', { timeout: 60_000 }, async () => {
    let last = 0
    for (const killAfter of [37, 5, 120]) {
      const acknowledged = await runUntilKilled(killAfter)
      const reopened = await openSessionFolder(dir)
      const row = reopened.session.getRow('counter')
      await reopened.store.close()
      expect(row?.size).toBeGreaterThanOrEqual(acknowledged)
      // Both changes of one step travel in the same flush or the later one follows the earlier.
      expect(row?.mtimeMs).toBeLessThanOrEqual(row?.size ?? 0)
      expect(row?.identitySuffix).toBe(`change ${row?.size}`)
      // Each run continues from where the last one was, it never starts over.
      expect(row?.size).toBeGreaterThan(last)
      last = row?.size ?? 0
    }
  })
})
