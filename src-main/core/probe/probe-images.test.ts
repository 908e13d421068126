import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeHeif, makeImage, run, tag, tools, truncateTo } from './fixtures/generate'
import { addHeifRotation } from './fixtures/heif-rotation'
import { codes, fixture, probe, tempDir, type TempDir } from './testing/probe-helpers'

let dir: TempDir
beforeAll(async () => {
  dir = await tempDir('probe-images')
})
afterAll(async () => dir.remove())

describe('probe: images', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('applies EXIF orientation %i to the displayed size', async (orientation) => {
    const path = await tag(await makeImage(dir.path(`o${orientation}.jpg`), 40, 30), [`-Orientation#=${orientation}`])
    const result = await probe(path)
    expect(result).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', orientation })
    const turned = orientation >= 5
    expect([result.width, result.height]).toEqual(turned ? [30, 40] : [40, 30])
  })

  it('reads a HEIC: size, EXIF through the HEIF Exif item, XMP, and no "no preview" warning', async () => {
    const result = await probe(fixture('portrait.heic'))
    expect(result).toMatchObject({ kind: 'image', mimeType: 'image/heic', extension: 'heic' })
    expect(result.embedded).toMatchObject({ title: 'HEIC title', creator: 'HEIC artist' })
    // Its thumbnail comes from libheif in WebAssembly (thumbnails/heif-decode.ts).
    expect(codes(result)).not.toContain('no-preview')
  })

  it('applies HEIF rotation (irot) to the displayed size, for HEIC and AVIF', async () => {
    expect(await probe(fixture('portrait.heic'))).toMatchObject({ width: 48, height: 64 })
    const landscape = await makeImage(dir.path('land.jpg'), 64, 48)
    const avif = await makeHeif(landscape, dir.path('land.avif'))
    expect(await probe(avif)).toMatchObject({ mimeType: 'image/avif', width: 64, height: 48 })
    await writeFile(dir.path('portrait.avif'), addHeifRotation(await readFile(avif), 3))
    expect(await probe(dir.path('portrait.avif'))).toMatchObject({ width: 48, height: 64 })
  })

  it('marks animated GIF, WebP and APNG as animated images', async () => {
    expect(await probe(fixture('animated.gif'))).toMatchObject({ kind: 'image', animated: true, width: 8, height: 8 })
    const webp = dir.path('anim.webp')
    await run(tools.convert, ['-delay', '10', '-size', '8x8', 'xc:red', 'xc:blue', '-loop', '0', webp])
    expect(await probe(webp)).toMatchObject({ kind: 'image', mimeType: 'image/webp', animated: true })
    const apng = dir.path('anim.png')
    await run(tools.ffmpeg, [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=16x16:rate=5',
      '-t',
      '1',
      '-plays',
      '0',
      '-f',
      'apng',
      apng,
    ])
    expect(await probe(apng)).toMatchObject({ kind: 'image', mimeType: 'image/apng', animated: true })
    const still = await makeImage(dir.path('still.gif'), 8, 8)
    expect((await probe(still)).animated).toBeUndefined()
  })

  it.each([
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['tif', 'image/tiff'],
    ['bmp', 'image/bmp'],
    ['gif', 'image/gif'],
  ])('reads the size of a %s', async (ext, mime) => {
    const path = await makeImage(dir.path(`size.${ext}`), 33, 21)
    expect(await probe(path)).toMatchObject({ kind: 'image', mimeType: mime, width: 33, height: 21, warnings: [] })
  })

  it('sniffs an SVG behind its XML declaration, comment and doctype', async () => {
    const result = await probe(fixture('drawing.svg'))
    expect(result).toMatchObject({ kind: 'image', mimeType: 'image/svg+xml', width: 120, height: 80 })
  })

  it.each([
    ['jpg', 2000],
    ['png', 300],
    ['gif', 40],
    ['webp', 60],
  ])('gives a truncated %s a row error that offers import as a file', async (ext, keep) => {
    const whole = await makeImage(dir.path(`whole.${ext}`), 64, 64, ['-quality', '90', '+noise', 'Random'])
    const cut = await truncateTo(whole, keep, dir.path(`cut.${ext}`))
    const result = await probe(cut)
    expect(result.kind).toBe('image')
    expect(result.error).toMatchObject({ code: 'truncated', canImportAsFile: true })
    expect(result.error?.message).toMatch(/^Truncated /)
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('names a corrupt JPEG header', async () => {
    const bytes = Buffer.from(await readFile(await makeImage(dir.path('good.jpg'), 16, 16)))
    bytes.writeUInt16BE(1, 4) // the first segment's length field: impossible
    await writeFile(dir.path('bad.jpg'), bytes)
    expect((await probe(dir.path('bad.jpg'))).error).toMatchObject({ code: 'corrupt', canImportAsFile: true })
    expect((await probe(dir.path('bad.jpg'))).error?.message).toMatch(/^Corrupt JPEG: damaged header/)
  })

  it('reads a JPEG whose header is longer than the bytes kept in memory', async () => {
    const path = await tag(await makeImage(dir.path('long-header.jpg'), 20, 10), [
      `-XMP-dc:Description=${'x'.repeat(30_000)}`,
    ])
    const result = await probe(path, 4096)
    expect(result).toMatchObject({ width: 20, height: 10 })
    expect(result.embedded?.description).toHaveLength(30_000)
  })

  it('imports a camera RAW as an image when its size can be read, else as a file', async () => {
    const dng = dir.path('camera.dng')
    await makeImage(dng.replace('.dng', '.tif'), 30, 20)
    await copyFile(dng.replace('.dng', '.tif'), dng)
    await tag(dng, ['-DNGVersion=1 4 0 0', '-Make=Test', '-Orientation#=8'])
    expect(await probe(dng)).toMatchObject({
      kind: 'image',
      mimeType: 'image/x-adobe-dng',
      width: 20,
      height: 30,
      orientation: 8,
    })
    const preview = dir.path('preview.dng')
    await copyFile(dng, preview)
    await tag(preview, ['-SubfileType#=1'])
    const result = await probe(preview)
    expect(result).toMatchObject({ kind: 'file', mimeType: 'image/x-adobe-dng' })
    expect(codes(result)).toContain('raw-without-size')
  })
})
