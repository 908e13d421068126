/**
 * HEIC and AVIF thumbnails with no system tool: HEIC through libheif in WebAssembly, AVIF
 * through sharp. Each is compared with sharp's render of the JPEG the HEIF was encoded from, on
 * a 4 × 4 grid of mean colours, so a blank, wrongly turned or wrong-image thumbnail fails.
 */
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import sharp, { type Metadata, type Sharp } from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeHeif, makeImage, run, tools } from '../fixtures/generate'
import { addHeifRotation } from '../fixtures/heif-rotation'
import { fixture, tempDir, type TempDir } from '../testing/probe-helpers'
import { isHeifDecoderLoaded } from './heif-decode'
import { ThumbnailCache } from './thumbnail-cache'

let dir: TempDir
let cache: ThumbnailCache
beforeAll(async () => {
  dir = await tempDir('heif-thumbs')
  cache = new ThumbnailCache({ dir: dir.path('cache'), edge: 64, ffmpeg: null })
})
afterAll(async () => dir.remove())

const sha = async (path: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex')

/** Mean colours of a 4 × 4 grid over the picture, as 48 numbers. */
const grid = async (image: Sharp): Promise<number[]> => [
  ...(await image.removeAlpha().resize(4, 4, { fit: 'fill' }).raw().toBuffer()),
]

/** A landscape JPEG whose top is red and bottom blue, so a quarter turn shows. */
const landscape = (name: string): Promise<string> => makeImage(dir.path(name), 320, 240)

async function thumbnail(path: string, mimeType: string): Promise<{ file: string; meta: Metadata }> {
  const outcome = await cache.ensure({ path, sha256: await sha(path), kind: 'image', mimeType })
  if (!('key' in outcome)) throw new Error(`no thumbnail: ${outcome.unavailable}`)
  const file = cache.filePath(outcome.key)
  return { file, meta: await sharp(file).metadata() }
}

function expectClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length)
  const worst = Math.max(...actual.map((value, i) => Math.abs(value - (expected[i] as number))))
  expect(worst).toBeLessThan(24)
}

describe('HEIC thumbnails (libheif in WebAssembly)', () => {
  it('loads the decoder only when a HEIC needs a thumbnail', () => {
    expect(isHeifDecoderLoaded()).toBe(false)
  })

  it('makes an upright thumbnail of an iPhone-like portrait HEIC (irot), matching its source', async () => {
    const jpeg = await landscape('source.jpg')
    const heic = await makeHeif(jpeg, dir.path('landscape.heic'))
    await writeFile(dir.path('portrait.heic'), addHeifRotation(await readFile(heic), 1))
    const { file, meta } = await thumbnail(dir.path('portrait.heic'), 'image/heic')
    expect(isHeifDecoderLoaded()).toBe(true)
    expect(meta).toMatchObject({ format: 'webp', width: 48, height: 64 })
    // irot 1 is a quarter turn anticlockwise; sharp's rotate() turns clockwise.
    expectClose(await grid(sharp(file)), await grid(sharp(jpeg).rotate(270)))
    // Not a picture that merely has the right size: the unturned source differs.
    expect(await grid(sharp(file))).not.toEqual(await grid(sharp(jpeg).resize(48, 64, { fit: 'fill' })))
  })

  it('decodes the committed fixture (48 × 64 as displayed)', async () => {
    const { meta } = await thumbnail(fixture('portrait.heic'), 'image/heic')
    expect(meta).toMatchObject({ format: 'webp', width: 48, height: 64 })
  })

  it('takes the primary image of a multi-image HEIF, not the first', async () => {
    const red = dir.path('red.jpg')
    const blue = dir.path('blue.jpg')
    await run(tools.convert, ['-size', '64x48', 'xc:red', red])
    await run(tools.convert, ['-size', '64x48', 'xc:blue', blue])
    const both = dir.path('both.heic')
    await run(tools.heifEnc, ['-q', '40', red, blue, '-o', both])
    // (JPEG sources: heif-enc 1.15 misreads these flat PNGs.) It stores each picture as a grid (items 2 and 4) over a tile (items 1 and 3)
    // and makes the first primary; point `pitm` at the second.
    const bytes = await readFile(both)
    const pitm = bytes.indexOf('pitm', 0, 'latin1')
    expect(bytes.readUInt16BE(pitm + 8)).toBe(2)
    bytes.writeUInt16BE(4, pitm + 8)
    await writeFile(dir.path('blue-primary.heic'), bytes)
    const { file } = await thumbnail(dir.path('blue-primary.heic'), 'image/heif')
    const [r, , b] = await sharp(file).removeAlpha().resize(1, 1).raw().toBuffer()
    expect(b).toBeGreaterThan(200)
    expect(r).toBeLessThan(60)
  })

  it('says why when a HEIC cannot be decoded', async () => {
    const broken = dir.path('broken.heic')
    await writeFile(broken, (await readFile(fixture('portrait.heic'))).subarray(0, 600))
    const outcome = await cache.ensure({
      path: broken,
      sha256: await sha(broken),
      kind: 'image',
      mimeType: 'image/heic',
    })
    expect(outcome).toEqual({ unavailable: expect.stringMatching(/^no preview: /) })
  })
})

describe('AVIF thumbnails (sharp)', () => {
  it('makes an upright thumbnail of a rotated AVIF, matching its source', async () => {
    const jpeg = await landscape('avif-source.jpg')
    const avif = await makeHeif(jpeg, dir.path('landscape.avif'))
    expect((await thumbnail(avif, 'image/avif')).meta).toMatchObject({ format: 'webp', width: 64, height: 48 })
    await writeFile(dir.path('portrait.avif'), addHeifRotation(await readFile(avif), 3))
    const { file, meta } = await thumbnail(dir.path('portrait.avif'), 'image/avif')
    expect(meta).toMatchObject({ format: 'webp', width: 48, height: 64 })
    expectClose(await grid(sharp(file)), await grid(sharp(jpeg).rotate(90)))
  })
})
