import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSessionFolder } from '../core/session/persistence/open-session'
import { runSessions } from './sessions'
import { exampleRow } from '../../src-shared/rows/testing/example-rows'

function capture(): { stream: Writable; text: () => string } {
  let text = ''
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8')
      done()
    },
  })
  return { stream, text: () => text }
}

describe('media-import sessions', () => {
  let parent: string
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'cli-sessions-'))
    const row = { path: '/m/x.jpg', relativePath: 'm/x.jpg', size: 1, mtimeMs: 1 }
    const done = await openSessionFolder(join(parent, 'done'), {
      meta: { profile: { name: 'Production', livingdocsUrl: 'https://ld' } },
    })
    done.session.upsertRows([exampleRow('a', 'imported', row)])
    await done.close()
    const open = await openSessionFolder(join(parent, 'open'), {})
    open.session.upsertRows([exampleRow('b', 'upload-failed', row), exampleRow('c', 'imported', row)])
    await open.close()
    // Another import has the unfinished one open right now (a live process: the test runner's parent).
    const holder = {
      pid: process.ppid,
      host: hostname(),
      startedAt: new Date().toISOString(),
      by: 'media-import import',
    }
    await writeFile(join(parent, 'open', 'session.lock'), JSON.stringify(holder))
  })
  afterAll(async () => {
    await rm(parent, { recursive: true, force: true })
  })

  it('lists unfinished sessions first, with counts and the folder to continue', async () => {
    const out = capture()
    expect(await runSessions(['--dir', parent], out.stream)).toBe(0)
    const lines = out.text().trim().split('\n')
    expect(lines[0]).toMatch(
      new RegExp(
        `^unfinished 1/2 imported, 1 failed .*/open \\(open in media-import import, pid ${process.ppid} on host .+, since \\d\\d:\\d\\d\\)$`,
      ),
    )
    expect(lines[1]).toMatch(/^done\s+1\/1 imported .*\/done \[Production\]$/)
  })

  it('prints NDJSON with --json', async () => {
    const out = capture()
    await runSessions(['--dir', parent, '--json'], out.stream)
    const records = out
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { name: string; open: number })
    expect(records.map((r) => [r.name, r.open])).toEqual([
      ['open', 1],
      ['done', 0],
    ])
  })
})
