import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanRecord } from './scan-record'
import { runCliProcess, spawnCli, waitForExit } from './spawn-cli'

const parseNdjson = (stdout: string): ScanRecord[] =>
  stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ScanRecord)

describe('media-import scan (spawned bin)', () => {
  let root: string
  let photos: string
  const unicodeName = 'Zürich ñandú 写真 📷.jpg'

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cli-scan-'))
    photos = join(root, 'photos')
    await mkdir(join(photos, '2024', 'summer'), { recursive: true })
    await writeFile(join(photos, '2024', 'summer', 'beach.jpg'), Buffer.alloc(1234, 1))
    await writeFile(join(photos, '2024', 'notes.txt'), 'notes')
    await writeFile(join(photos, '.hidden-note'), 'secret')
    await writeFile(join(photos, 'empty.bin'), '')
    await writeFile(join(photos, unicodeName), 'x')
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('prints one NDJSON record per file, with hidden files skipped and kind/mimeType from the bytes', async () => {
    const result = await runCliProcess(['scan', photos, '--json'])
    // empty.bin cannot be imported: an error row, so the exit status says some files are not usable.
    expect(result.code).toBe(1)
    const records = parseNdjson(result.stdout)
    const byPath = new Map(records.map((r) => [r.relativePath, r]))
    expect([...byPath.keys()].sort()).toEqual(
      [
        'photos/.hidden-note',
        'photos/2024/notes.txt',
        'photos/2024/summer/beach.jpg',
        'photos/empty.bin',
        `photos/${unicodeName}`,
      ].sort(),
    )
    // Named .jpg, but its bytes are no JPEG: a file, never guessed from the extension.
    expect(byPath.get('photos/2024/summer/beach.jpg')).toMatchObject({
      path: join(photos, '2024', 'summer', 'beach.jpg'),
      status: 'ok',
      reason: null,
      kind: 'file',
      mimeType: 'application/octet-stream',
      size: 1234,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      width: null,
      embedded: { title: null, keywords: null, gps: null },
    })
    expect(byPath.get('photos/2024/notes.txt')).toMatchObject({ kind: 'file', mimeType: 'text/plain' })
    expect(byPath.get('photos/.hidden-note')?.status).toBe('skipped')
    expect(byPath.get('photos/.hidden-note')?.reason).toMatch(/hidden/)
    expect(byPath.get('photos/empty.bin')).toMatchObject({
      status: 'error',
      size: 0,
      reason: expect.stringMatching(/^Empty file/),
    })
    expect(byPath.get(`photos/${unicodeName}`)).toMatchObject({ path: join(photos, unicodeName), size: 1 })
    expect(result.stderr).toMatch(/5 files: 3 ok, 1 skipped, 1 unreadable/)
  })

  it('prints a table without --json', async () => {
    const result = await runCliProcess(['scan', photos])
    expect(result.code).toBe(1)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^STATUS\s+SIZE\s+KIND\s+TYPE\s+PATH$/)
    expect(lines).toHaveLength(6)
    expect(result.stdout).toMatch(
      /^ok\s+1\.2 kB\s+file\s+application\/octet-stream\s+photos\/2024\/summer\/beach\.jpg$/m,
    )
    expect(result.stdout).toMatch(/^skipped\s+0 B .*photos\/\.hidden-note {2}\(.*hidden.*\)$/m)
  })

  it('exits 1 when a file cannot be read, and still lists the rest', async () => {
    const broken = join(root, 'broken')
    await mkdir(broken)
    await writeFile(join(broken, 'fine.txt'), 'ok')
    await symlink(join(root, 'does-not-exist'), join(broken, 'dangling.jpg'))
    const result = await runCliProcess(['scan', broken, '--json'])
    expect(result.code).toBe(1)
    const records = parseNdjson(result.stdout)
    expect(records.map((r) => [r.relativePath, r.status])).toEqual([
      ['broken/dangling.jpg', 'error'],
      ['broken/fine.txt', 'ok'],
    ])
    expect(records[0]?.reason).toMatch(/broken|link|exist/)
  })

  it('stops quietly when the reader goes away (| head)', async () => {
    const many = join(root, 'many')
    await mkdir(many)
    await Promise.all(Array.from({ length: 3000 }, (_, i) => writeFile(join(many, `file-${i}.txt`), 'x')))
    const child = spawnCli(['scan', many, '--json'])
    const exited = waitForExit(child)
    const firstLine = await new Promise<string>((resolve) => {
      let text = ''
      const onData = (chunk: Buffer): void => {
        text += chunk.toString('utf8')
        const newline = text.indexOf('\n')
        if (newline >= 0) {
          child.stdout.off('data', onData)
          child.stdout.destroy()
          resolve(text.slice(0, newline))
        }
      }
      child.stdout.on('data', onData)
    })
    expect(JSON.parse(firstLine)).toMatchObject({ status: 'ok' })
    const { code, stderr } = await exited
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })

  it('carries the probe facts of real media: displayed size, embedded metadata, duplicates, damage', async () => {
    const media = join(root, 'media')
    await mkdir(media)
    const fixtures = join(__dirname, '..', 'core', 'probe', 'fixtures')
    await copyFile(join(fixtures, 'mwg-exif-wins.jpg'), join(media, 'a.jpg'))
    await copyFile(join(fixtures, 'mwg-exif-wins.jpg'), join(media, 'b-copy.jpg'))
    await copyFile(join(fixtures, 'portrait.heic'), join(media, 'c.heic'))
    await copyFile(join(fixtures, 'no-index.mp4'), join(media, 'd.mp4'))
    const result = await runCliProcess(['scan', media, '--json'])
    const [a, copy, heic, video] = parseNdjson(result.stdout)
    expect(a).toMatchObject({
      kind: 'image',
      mimeType: 'image/jpeg',
      width: 16,
      height: 16,
      embedded: {
        description: 'Caption from EXIF',
        creator: 'Creator from EXIF',
        dateTaken: '2024-05-06T07:08:09.25+02:00',
      },
    })
    expect(copy).toMatchObject({ duplicateOf: 'media/a.jpg', sha256: a?.sha256 })
    expect(heic).toMatchObject({
      kind: 'image',
      mimeType: 'image/heic',
      width: 48,
      height: 64,
      embedded: { title: 'HEIC title' },
    })
    expect(video).toMatchObject({ status: 'error', kind: 'video', reason: expect.stringMatching(/no index/) })
    expect(result.code).toBe(1)
  })

  describe('usage errors exit 2 with a hint on stderr', () => {
    it.each([
      [['scan'], /Give at least one file or folder/],
      [['scan', '--jsn', '.'], /Unknown option '--jsn'[\s\S]*media-import scan --help/],
      [['scan', '/definitely/not/here'], /Not found: \/definitely\/not\/here/],
      [['scna'], /Unknown command "scna"[\s\S]*media-import --help/],
      [['sandbox', 'extra-arg'], /Unexpected argument 'extra-arg'/],
      [[], /^Usage: media-import <command>/],
    ])('%j', async (args, message) => {
      const result = await runCliProcess(args)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(message)
    })
  })

  it.each([['scan'], ['sandbox']])('%s --help prints its usage and exits 0', async (command) => {
    const result = await runCliProcess([command, '--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(new RegExp(`^Usage: media-import ${command}`))
  })
})
