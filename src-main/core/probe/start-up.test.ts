import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { fixture } from './testing/probe-helpers'

const exec = promisify(execFile)

/**
 * Probes `file` in a fresh Node process (as `media-import scan` does) and lists the libraries
 * that process loaded: a scan of one photo must not wait for what only other formats need.
 */
async function librariesLoadedFor(file: string): Promise<string[]> {
  const prober = join(__dirname, 'prober.ts')
  const script = `
    const { Prober } = require(${JSON.stringify(prober)})
    const { statSync } = require('node:fs')
    const p = new Prober()
    p.probe({ path: ${JSON.stringify(file)}, size: statSync(${JSON.stringify(file)}).size }).then(async (r) => {
      await p.close()
      const names = Object.keys(require.cache)
        .map((k) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(k)?.[1])
        .filter((n) => n && n !== 'tsx' && n !== 'esbuild')
      console.log(JSON.stringify({ kind: r.kind, libraries: [...new Set(names)].sort() }))
    })`
  const { stdout } = await exec(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
    cwd: join(__dirname, '..', '..', '..'),
  })
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { kind: string; libraries: string[] }
  expect(result.kind).toBe('image')
  return result.libraries
}

describe('start-up', () => {
  it('a JPEG loads neither file-type nor image-size, sharp nor MediaInfo', async () => {
    const loaded = await librariesLoadedFor(fixture('mwg-in-sync.jpg'))
    for (const lazy of ['file-type', 'strtok3', 'image-size', 'sharp', 'mediainfo.js'])
      expect(loaded).not.toContain(lazy)
    // The one library a JPEG does need, so the list is known to be read right.
    expect(loaded).toContain('exifr')
  })

  it('a GIF loads sharp when it needs it (so a library loaded on first use shows in the list)', async () => {
    expect(await librariesLoadedFor(fixture('animated.gif'))).toContain('sharp')
  })
})
