import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile, chmod } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ScannedFile } from './scanned-file'
import { callUnprivileged } from './testing/unprivileged'
import { walkPaths } from './walk'

let root: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'walk-'))
})
afterEach(async () => {
  await chmod(join(root, 'drop', 'locked'), 0o755).catch(() => undefined)
  await rm(root, { recursive: true, force: true })
})

async function files(tree: Record<string, string>): Promise<void> {
  for (const [rel, content] of Object.entries(tree)) {
    await mkdir(join(root, rel, '..'), { recursive: true })
    await writeFile(join(root, rel), content)
  }
}

async function collect(paths: string[], options: Parameters<typeof walkPaths>[1] = {}): Promise<ScannedFile[]> {
  const out: ScannedFile[] = []
  for await (const batch of walkPaths(paths, options)) out.push(...batch)
  return out
}

describe('walkPaths', () => {
  it('walks folders recursively and keeps the relative path from each drop root', async () => {
    await files({ 'drop/a.jpg': 'a', 'drop/sub/deeper/b.jpg': 'bb', 'other/c.txt': 'ccc', 'loose.png': 'x' })
    const found = await collect([join(root, 'drop'), join(root, 'loose.png'), join(root, 'other')])
    expect(found.map((f) => f.relativePath)).toEqual([
      'drop/a.jpg',
      'drop/sub/deeper/b.jpg',
      'loose.png',
      'other/c.txt',
    ])
    expect(found.map((f) => f.size)).toEqual([1, 2, 1, 3])
    expect(found.every((f) => f.status === 'ok')).toBe(true)
    expect(found.map((f) => f.seq)).toEqual([0, 1, 2, 3])
    expect(found[1]?.path).toBe(join(root, 'drop/sub/deeper/b.jpg'))
  })

  it('streams: batches arrive while the walk goes on', async () => {
    const tree: Record<string, string> = {}
    for (let i = 0; i < 25; i++) tree[`drop/d${i % 5}/f${i}.jpg`] = 'x'
    await files(tree)
    const sizes: number[] = []
    for await (const batch of walkPaths([join(root, 'drop')], { batchSize: 4 })) sizes.push(batch.length)
    expect(sizes.length).toBeGreaterThan(5)
    expect(sizes.every((n) => n <= 4)).toBe(true)
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(25)
  })

  it('skips hidden and OS files, counts each with its reason, and shows them on request', async () => {
    await files({
      'drop/.DS_Store': 'x',
      'drop/._a.jpg': 'x',
      'drop/Thumbs.db': 'x',
      'drop/desktop.ini': 'x',
      'drop/IMG_1.AAE': 'x',
      'drop/IMG_1.xmp': 'x',
      'drop/.secret': 'x',
      'drop/.git/objects/1': 'x',
      'drop/a.jpg': 'x',
    })
    const skipped: ScannedFile[] = []
    const visible = await collect([join(root, 'drop')], { onSkipped: (f) => skipped.push(f) })
    expect(visible.map((f) => f.relativePath)).toEqual(['drop/a.jpg'])
    const count = (code: string): number => skipped.filter((f) => f.skipCode === code).length
    expect(count('os-file')).toBe(4)
    expect(count('sidecar')).toBe(2)
    expect(count('hidden')).toBe(1)
    expect(skipped.filter((f) => f.skipCode === 'hidden-folder').map((f) => f.relativePath)).toEqual(['drop/.git'])
    const all = await collect([join(root, 'drop')], { includeSkipped: true })
    expect(all.filter((f) => f.status === 'skipped')).toHaveLength(8)
    expect(all.find((f) => f.relativePath === 'drop/Thumbs.db')?.reason).toMatch(/thumbnail cache/)
  })

  it('follows a symbolic link into a folder once and stops at a loop', async () => {
    await files({ 'drop/real/a.jpg': 'a', 'elsewhere/b.jpg': 'b' })
    await symlink(join(root, 'drop'), join(root, 'drop/real/loop'))
    await symlink(join(root, 'elsewhere'), join(root, 'drop/link1'))
    await symlink(join(root, 'elsewhere'), join(root, 'drop/link2'))
    // Both places dropped: links between dropped folders are followed.
    const all = await collect([join(root, 'drop'), join(root, 'elsewhere')], { includeSkipped: true })
    const ok = all.filter((f) => f.status === 'ok').map((f) => f.relativePath)
    expect(ok).toEqual(['drop/link1/b.jpg', 'drop/real/a.jpg'])
    expect(all.find((f) => f.relativePath === 'elsewhere')).toMatchObject({ skipCode: 'already-scanned' })
    const loop = all.find((f) => f.relativePath === 'drop/real/loop')
    expect(loop).toMatchObject({ status: 'skipped', skipCode: 'symlink-loop' })
    expect(loop?.reason).toMatch(/points back to drop/)
    expect(all.find((f) => f.relativePath === 'drop/link2')).toMatchObject({
      skipCode: 'already-scanned',
      reason: 'folder already scanned as drop/link1',
    })
  })

  it('reports a self-referencing and a broken link instead of failing', async () => {
    await mkdir(join(root, 'drop'))
    await symlink(join(root, 'drop/self'), join(root, 'drop/self'))
    await symlink(join(root, 'nowhere.jpg'), join(root, 'drop/dangling.jpg'))
    const all = await collect([join(root, 'drop')], { includeSkipped: true })
    expect(all.find((f) => f.relativePath === 'drop/self')).toMatchObject({
      status: 'skipped',
      skipCode: 'symlink-loop',
    })
    expect(all.find((f) => f.relativePath === 'drop/dangling.jpg')).toMatchObject({
      status: 'error',
      reason: 'broken symbolic link: its target does not exist',
    })
  })

  it('follows a link to a file inside the drop', async () => {
    await files({ 'drop/originals/target.jpg': 'abc' })
    await symlink(join(root, 'drop/originals/target.jpg'), join(root, 'drop/link.jpg'))
    const found = await collect([join(root, 'drop')])
    expect(found.find((f) => f.relativePath === 'drop/link.jpg')).toMatchObject({ size: 3, status: 'ok' })
  })

  it('follows a relative link to a folder inside the drop (through another link too)', async () => {
    await files({ 'drop/2024/a.jpg': 'a' })
    await symlink('2024', join(root, 'drop/latest'))
    await symlink(join(root, 'drop/latest'), join(root, 'drop/via-link'))
    const all = await collect([join(root, 'drop')], { includeSkipped: true })
    expect(all.filter((f) => f.status === 'ok').map((f) => f.relativePath)).toEqual(['drop/2024/a.jpg'])
    expect(all.filter((f) => f.skipCode === 'already-scanned').map((f) => f.relativePath)).toEqual([
      'drop/latest',
      'drop/via-link',
    ])
    expect(all.some((f) => f.skipCode === 'symlink-outside')).toBe(false)
  })

  it('does not follow links whose target is outside the dropped paths, and counts them', async () => {
    await files({ 'secret/id_rsa': 'key', 'secret/notes/a.txt': 'n', 'drop/ok.jpg': 'x', 'drop-sibling/b.jpg': 'b' })
    await symlink(join(root, 'secret/id_rsa'), join(root, 'drop/key.jpg'))
    await symlink(join(root, 'secret/notes'), join(root, 'drop/notes'))
    // A prefix of the drop's own name is not inside it.
    await symlink(join(root, 'drop-sibling'), join(root, 'drop/sibling'))
    const skipped: ScannedFile[] = []
    const all = await collect([join(root, 'drop')], { includeSkipped: true, onSkipped: (f) => skipped.push(f) })
    expect(all.filter((f) => f.status === 'ok').map((f) => f.relativePath)).toEqual(['drop/ok.jpg'])
    expect(skipped.filter((f) => f.skipCode === 'symlink-outside').map((f) => f.relativePath)).toEqual([
      'drop/key.jpg',
      'drop/notes',
      'drop/sibling',
    ])
    const key = all.find((f) => f.relativePath === 'drop/key.jpg')
    expect(key?.reason).toBe(
      `symbolic link to ${join(root, 'secret/id_rsa')}, outside the dropped folders: not followed (drop that place itself to import it)`,
    )
    expect(all.some((f) => f.path.includes('secret/notes/a.txt'))).toBe(false)
  })

  it('follows a dropped path that is itself a link, and links inside it that stay inside', async () => {
    await files({ 'real/a.jpg': 'a' })
    await symlink(join(root, 'real'), join(root, 'dropped-link'))
    await symlink(join(root, 'real/a.jpg'), join(root, 'real/alias.jpg'))
    const found = await collect([join(root, 'dropped-link')])
    expect(found.map((f) => [f.relativePath, f.status])).toEqual([
      ['dropped-link/a.jpg', 'ok'],
      ['dropped-link/alias.jpg', 'ok'],
    ])
  })

  it('finds NFD-named files by their real path and reports the relative path in NFC', async () => {
    const nfd = 'Cafe\u0301 Zu\u0308rich.jpg'
    await files({ [`drop/${nfd}`]: 'x', 'drop/日本語 写真.jpg': 'y' })
    const found = await collect([join(root, 'drop')])
    const cafe = found.find((f) => f.relativePath.includes('Caf'))
    expect(cafe?.relativePath).toBe('drop/Caf\u00e9 Z\u00fcrich.jpg')
    expect(cafe?.path.endsWith(nfd)).toBe(true)
    expect(found.map((f) => f.relativePath)).toContain('drop/日本語 写真.jpg')
  })

  it('skips a named pipe without opening it', async () => {
    await mkdir(join(root, 'drop'))
    execFileSync('mkfifo', [join(root, 'drop/pipe')])
    const all = await collect([join(root, 'drop')], { includeSkipped: true })
    expect(all).toEqual([
      expect.objectContaining({ skipCode: 'not-a-file', reason: 'not a regular file (named pipe)' }),
    ])
  })

  it('gives an unreadable folder a row with the reason', async () => {
    await files({ 'drop/locked/secret.jpg': 'x', 'drop/open.jpg': 'y' })
    await chmod(join(root, 'drop/locked'), 0o000)
    await chmod(root, 0o755)
    const modulePath = resolve(__dirname, 'walk.ts')
    const batches = (await callUnprivileged(modulePath, 'walkPaths', [[join(root, 'drop')]])) as ScannedFile[][]
    const all = batches.flat()
    expect(all.find((f) => f.relativePath === 'drop/locked')).toMatchObject({
      status: 'error',
      reason: expect.stringMatching(/^folder unreadable: permission denied/),
    })
    expect(all.find((f) => f.relativePath === 'drop/open.jpg')?.status).toBe('ok')
  })

  it('reports a dropped path that does not exist', async () => {
    const [missing] = await collect([join(root, 'gone')])
    expect(missing).toMatchObject({ status: 'error', reason: expect.stringMatching(/^not found/) })
  })

  it('walks 50,000 files in one drop', async () => {
    const drop = join(root, 'big')
    for (let d = 0; d < 50; d++) {
      await mkdir(join(drop, `d${d}`), { recursive: true })
      await Promise.all(Array.from({ length: 1000 }, (_, i) => writeFile(join(drop, `d${d}`, `f${i}.jpg`), '')))
    }
    let count = 0
    let batches = 0
    for await (const batch of walkPaths([drop])) {
      count += batch.length
      batches++
    }
    expect(count).toBe(50_000)
    expect(batches).toBeGreaterThanOrEqual(250)
  }, 120_000)
})
