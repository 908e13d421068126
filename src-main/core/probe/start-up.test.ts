import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { fixture } from './testing/probe-helpers'

const exec = promisify(execFile)

const libraryOf = (path: string): string | undefined => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1]

/**
 * Probes `file` in a fresh Node process (as `media-import scan` does) and lists the libraries
 * that process loaded (CommonJS from require.cache, ES modules as testing/esm-watch.mjs
 * reports them): a scan of one photo must not wait for what
 * only other formats need.
 */
async function librariesLoadedFor(file: string): Promise<string[]> {
  const prober = join(__dirname, 'prober.ts')
  const script = `
    require('node:module').register(${JSON.stringify(pathToFileURL(join(__dirname, 'testing', 'esm-watch.mjs')).href)})
    const { Prober } = require(${JSON.stringify(prober)})
    const { statSync } = require('node:fs')
    const p = new Prober()
    p.probe({ path: ${JSON.stringify(file)}, size: statSync(${JSON.stringify(file)}).size }).then(async (r) => {
      await p.close()
      console.log(JSON.stringify({ kind: r.kind, modules: Object.keys(require.cache) }))
    })`
  const { stdout, stderr } = await exec(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
    cwd: join(__dirname, '..', '..', '..'),
  })
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { kind: string; modules: string[] }
  expect(result.kind).toBe('image')
  const esm = [...stderr.matchAll(/^esm (.*)$/gm)].map((m) => m[1] as string)
  const names = [...result.modules, ...esm].map(libraryOf).filter((n) => n && n !== 'tsx' && n !== 'esbuild')
  return [...new Set(names as string[])].sort()
}

describe('start-up', () => {
  it('a JPEG loads neither file-type nor image-size, sharp nor MediaInfo', async () => {
    const loaded = await librariesLoadedFor(fixture('mwg-in-sync.jpg'))
    for (const lazy of ['file-type', 'strtok3', 'image-size', 'sharp', 'mediainfo.js'])
      expect(loaded).not.toContain(lazy)
    // The one library a JPEG does need, so the list is known to be read right.
    expect(loaded).toContain('exifr')
  })

  it('a HEIC (decided by common-magic.ts) does not load file-type', async () => {
    const loaded = await librariesLoadedFor(fixture('portrait.heic'))
    for (const lazy of ['file-type', 'strtok3']) expect(loaded).not.toContain(lazy)
  })

  it('a GIF loads sharp when it needs it (so a library loaded on first use shows in the list)', async () => {
    expect(await librariesLoadedFor(fixture('animated.gif'))).toContain('sharp')
  })
})
