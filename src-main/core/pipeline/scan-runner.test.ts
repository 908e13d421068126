import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanProgress, SessionPatch } from '../model/session-shapes'
import { readProjectModel } from '../../../src-shared/project/project-model'
import { makeImage, tag, truncateTo } from '../probe/fixtures/generate'
import { tempDir, type TempDir } from '../probe/testing/probe-helpers'
import { ThumbnailCache } from '../probe/thumbnails/thumbnail-cache'
import { Session } from '../session/session'
import { ScanRunner } from './scan-runner'

let dir: TempDir
const project = readProjectModel(
  JSON.parse(readFileSync(resolve(__dirname, '../../../resources/sandbox/project-config.json'), 'utf8')),
)

beforeAll(async () => {
  dir = await tempDir('scan-runner')
  await mkdir(dir.path('drop/sub'), { recursive: true })
  await tag(await makeImage(dir.path('drop/a.jpg'), 30, 20), ['-XMP-dc:Title=Harbour', '-IPTC:Credit=Agency'])
  await copyFile(dir.path('drop/a.jpg'), dir.path('drop/sub/twin.jpg'))
  await makeImage(dir.path('drop/b.png'), 8, 8)
  await truncateTo(dir.path('drop/a.jpg'), 900, dir.path('drop/cut.jpg'))
  await writeFile(dir.path('drop/.DS_Store'), 'x')
  await writeFile(dir.path('drop/._a.jpg'), 'x')
})
afterAll(async () => dir.remove())

async function scan(runner: ScanRunner, session: Session, paths: string[], progress: ScanProgress[]) {
  const patches: SessionPatch[] = []
  session.onPatch((p) => patches.push(p))
  const started = performance.now()
  let firstRowMs = -1
  session.onPatch((p) => {
    if (firstRowMs < 0 && p.upsert.length > 0) firstRowMs = performance.now() - started
  })
  runner.start(paths)
  await expect.poll(() => progress.at(-1)?.state, { timeout: 20_000 }).toBe('done')
  return { patches, firstRowMs }
}

describe('ScanRunner', () => {
  it('shows rows as scanned at once, then probed with facts, prefill and duplicates', async () => {
    const session = new Session({ flushMs: 20 })
    const progress: ScanProgress[] = []
    const runner = new ScanRunner(session, (p) => progress.push(p), {
      project: () => project,
      thumbnails: new ThumbnailCache({ dir: dir.path('thumbs'), ffmpeg: null }),
    })
    const { patches, firstRowMs } = await scan(runner, session, [dir.path('drop')], progress)
    expect(firstRowMs).toBeLessThan(300)
    expect(patches[0]?.upsert.some((r) => r.status === 'scanned')).toBe(true)

    const rows = new Map(session.snapshot().rows.map((r) => [r.relativePath, r]))
    const a = rows.get('drop/a.jpg')
    expect(a).toMatchObject({ status: 'probed', kind: 'image', mimeType: 'image/jpeg', width: 30, height: 20 })
    expect(a?.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(a?.prefill).toMatchObject({
      mediaType: 'image',
      metadata: { title: 'Harbour', credit: 'Agency' },
      fallback: [],
    })
    expect(rows.get('drop/sub/twin.jpg')?.duplicateOf).toBe(a?.rowId)
    expect(a?.duplicateOf).toBeUndefined()
    expect(rows.get('drop/b.png')?.prefill).toMatchObject({ metadata: { title: 'b' }, fallback: ['title'] })
    expect(rows.get('drop/cut.jpg')).toMatchObject({
      status: 'unreadable',
      reason: expect.stringMatching(/^Truncated JPEG/),
      probeError: { code: 'truncated', canImportAsFile: true },
    })
    expect(rows.get('drop/.DS_Store')).toMatchObject({ status: 'skipped', reason: 'macOS folder settings (.DS_Store)' })

    const done = progress.at(-1)
    expect(done).toMatchObject({ files: 4, skipped: 2, errors: 1, probed: 4, skippedByReason: { 'os-file': 2 } })
    await expect.poll(() => session.getRow(a?.rowId ?? '')?.thumbnail, { timeout: 10_000 }).toMatch(/-256\.webp$/)
    await runner.dispose()
  })

  it('flags a twin dropped later against the row of an earlier drop', async () => {
    const session = new Session({ flushMs: 20 })
    const progress: ScanProgress[] = []
    const runner = new ScanRunner(session, (p) => progress.push(p))
    await scan(runner, session, [dir.path('drop/a.jpg')], progress)
    progress.length = 0
    await scan(runner, session, [dir.path('drop/sub')], progress)
    const [first, second] = session.snapshot().rows
    expect(second?.duplicateOf).toBe(first?.rowId)
    expect(second?.prefill).toMatchObject({ metadata: { title: 'twin' }, fallback: ['title'] })
    await runner.dispose()
  })

  it('flags a new twin of a file the reopened session already holds', async () => {
    const first = new Session({ flushMs: 20 })
    const progress: ScanProgress[] = []
    const before = new ScanRunner(first, (p) => progress.push(p))
    await scan(before, first, [dir.path('drop/a.jpg')], progress)
    await before.dispose()
    const reopened = new Session({ flushMs: 20, rows: first.snapshot().rows })
    progress.length = 0
    const after = new ScanRunner(reopened, (p) => progress.push(p))
    await scan(after, reopened, [dir.path('drop/sub')], progress)
    const [original, twin] = reopened.snapshot().rows
    expect(twin?.duplicateOf).toBe(original?.rowId)
    await after.dispose()
  })

  it('stops probing when the scan is cancelled', async () => {
    const session = new Session({ flushMs: 20 })
    const progress: ScanProgress[] = []
    const runner = new ScanRunner(session, (p) => progress.push(p))
    const id = runner.start([dir.path('drop')])
    runner.cancel(id)
    await expect.poll(() => progress.at(-1)?.state, { timeout: 10_000 }).toBe('cancelled')
    await runner.dispose()
  })
})
