/**
 * The right verdict for each file: valid but unusual files are not called damaged, damaged
 * ones are not passed as fine, and a row's reason is one plain sentence (no decoder output,
 * no paths). Every file is made by the real tools, then damaged where a test needs it.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exiftoolReads, makeImage, makeVideo, run, tools, truncateTo } from './fixtures/generate'
import { expectPlainReason } from './testing/plain-reason'
import { codes, probe, tempDir, type TempDir } from './testing/probe-helpers'
import type { ProbeResult } from '../model/probe-facts'

let dir: TempDir
beforeAll(async () => {
  dir = await tempDir('verdicts')
})
afterAll(async () => dir.remove())

const plainReason = (result: ProbeResult): void => expectPlainReason(result, dir)

describe('valid files are not called damaged', () => {
  it('HEIF and AVIF holding several images read the primary image size', async () => {
    const red = await makeImage(dir.path('red.jpg'), 32, 24)
    const blue = await makeImage(dir.path('blue.jpg'), 32, 24)
    for (const ext of ['heic', 'avif']) {
      const path = dir.path(`multi.${ext}`)
      await run(tools.heifEnc, ['-q', '40', red, blue, '-o', path])
      const result = await probe(path)
      expect(result).toMatchObject({ kind: 'image', width: 32, height: 24 })
      expect(result.error).toBeUndefined()
    }
  })

  it('an AVIF image sequence is an animated image, not a corrupt one', async () => {
    const path = await makeVideo(dir.path('sequence.avif'), {
      width: 64,
      height: 48,
      args: ['-c:v', 'libaom-av1', '-cpu-used', '8', '-f', 'avif'],
    })
    const theirs = await exiftoolReads(path, ['ImageWidth', 'ImageHeight'])
    const result = await probe(path)
    expect(result).toMatchObject({ kind: 'image', mimeType: 'image/avif', animated: true })
    expect([result.width, result.height]).toEqual([theirs.ImageWidth, theirs.ImageHeight])
    expect(result.error).toBeUndefined()
  })

  it('a minimal valid SVG (an empty, self-closing root) is not truncated', async () => {
    const path = dir.path('minimal.svg')
    await writeFile(path, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n')
    expect(await probe(path)).toMatchObject({ kind: 'image', width: 10, height: 10, warnings: [] })
    await writeFile(dir.path('cut.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect')
    expect((await probe(dir.path('cut.svg'))).error?.code).toBe('truncated')
  })
})

describe('damaged files are flagged, with the reason', () => {
  it('a PNG whose picture data is damaged (checksum fails) is corrupt, not ok', async () => {
    const path = await makeImage(dir.path('good.png'), 64, 64, ['+noise', 'Random'])
    const bytes = Buffer.from(await readFile(path))
    const idat = bytes.indexOf('IDAT')
    bytes[idat + 100] = (bytes[idat + 100] as number) ^ 0xff
    await writeFile(dir.path('bad.png'), bytes)
    const result = await probe(dir.path('bad.png'))
    expect(result.error).toMatchObject({ code: 'corrupt', canImportAsFile: true })
    expect(result.error?.message).toMatch(/^Corrupt PNG: the IDAT chunk .* is damaged/)
    plainReason(result)
    expect((await probe(path)).error).toBeUndefined()
  })

  it('an AVI cut short is damaged, not a normal video', async () => {
    const path = await makeVideo(dir.path('whole.avi'), { seconds: 3, args: ['-c:v', 'mpeg4'] })
    const cut = await truncateTo(path, Math.floor((await readFile(path)).length / 3), dir.path('cut.avi'))
    const result = await probe(cut)
    expect(result.error).toMatchObject({ code: 'truncated', canImportAsFile: true })
    plainReason(result)
  })

  it('an FLV whose declared duration its bytes cannot hold is damaged', async () => {
    const path = await makeVideo(dir.path('whole.flv'), { seconds: 4 })
    const cut = await truncateTo(path, Math.floor((await readFile(path)).length / 4), dir.path('cut.flv'))
    const result = await probe(cut)
    expect(result.error?.message).toMatch(/declares 4\.0 s but the file holds only/)
    plainReason(result)
  })

  it('a Matroska file cut after its header is damaged', async () => {
    const path = await makeVideo(dir.path('whole.mkv'), { seconds: 3, args: ['-c:v', 'libx264'] })
    const cut = await truncateTo(path, Math.floor((await readFile(path)).length / 2), dir.path('cut.mkv'))
    const result = await probe(cut)
    expect(result.error).toMatchObject({ code: 'truncated' })
    plainReason(result)
  })

  it('an MP4 whose video track holds no frame is damaged', async () => {
    const path = await makeVideo(dir.path('whole.mp4'), { args: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'] })
    const bytes = Buffer.from(await readFile(path))
    // The index's sample table says the track has no samples (an encoder that died at once).
    const stsz = bytes.indexOf('stsz')
    bytes.writeUInt32BE(0, stsz + 12)
    await writeFile(dir.path('no-frames.mp4'), bytes)
    const result = await probe(dir.path('no-frames.mp4'))
    expect(result.error).toMatchObject({ code: 'truncated', canImportAsFile: true })
    expect(result.error?.message).toMatch(/the video track holds no frames/)
    plainReason(result)
  })

  it('a corrupt HEIC gives one plain sentence, not libheif output', async () => {
    const source = await makeImage(dir.path('src.jpg'), 32, 24)
    const heic = dir.path('ok.heic')
    await run(tools.heifEnc, ['-q', '40', source, '-o', heic])
    const bytes = Buffer.from(await readFile(heic))
    bytes.fill(0x41, 40, 200) // the meta box's item tables
    await writeFile(dir.path('bad.heic'), bytes)
    const result = await probe(dir.path('bad.heic'))
    expect(result.error?.code).toMatch(/corrupt|truncated/)
    plainReason(result)
  })
})

describe('types', () => {
  it('an MP4 holding only sound is audio/mp4 (a file row)', async () => {
    const path = dir.path('sound.mp4')
    await run(tools.ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=d=1', '-c:a', 'aac', path])
    const theirs = await exiftoolReads(path, ['MIMEType'])
    expect(theirs.MIMEType).toBe('audio/mp4')
    expect(await probe(path)).toMatchObject({ kind: 'file', mimeType: 'audio/mp4' })
  })

  it.each([
    ['ico', undefined],
    ['jp2', undefined],
    // exiftool says application/vnd.adobe.photoshop; IANA registered image/vnd.adobe.photoshop.
    ['psd', 'image/vnd.adobe.photoshop'],
  ])('a .%s image the Media Library cannot show is a file, with a warning', async (ext, registered) => {
    const path = await makeImage(dir.path(`picture.${ext}`), 16, 16)
    const theirs = await exiftoolReads(path, ['MIMEType'])
    const result = await probe(path)
    expect(result).toMatchObject({ kind: 'file', mimeType: registered ?? theirs.MIMEType })
    // The format by a name an editor knows: PSD, not the MIME subtype ADOBE.PHOTOSHOP.
    expect(result.warnings.find((w) => w.code === 'unsupported-image')?.message).toMatch(
      /^[A-Z0-9-]+ images cannot be shown by the Media Library; this one is imported as a file/,
    )
  })

  it.each([
    // Headers as the formats define them, enough for exiftool to name the type.
    ['cam.crw', 'II\x1a\0\0\0HEAPCCDR\x01\0\x02\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'],
    ['cam.mrw', '\0MRM\0\0\0\x18\0PRD\0\0\0\x10218100020\0\x10\0\x18\0\x10\0\x18\x0c\x0cR\0'],
    ['cam.x3f', 'FOVb\x01\0\x02\0' + '\0'.repeat(16) + '\0\0\0\0@\0\0\x000\0\0\0\0\0\0\0' + '\0'.repeat(64)],
  ])('camera RAW %s gets the MIME type exiftool names, and goes up as a file with a warning', async (name, header) => {
    const path = dir.path(name)
    await writeFile(path, Buffer.concat([Buffer.from(header, 'latin1'), Buffer.alloc(256)]))
    const theirs = await exiftoolReads(path, ['MIMEType'])
    const result = await probe(path)
    expect(result).toMatchObject({ kind: 'file', mimeType: theirs.MIMEType })
    expect(codes(result)).toContain('unsupported-image')
    expect(result.warnings.find((w) => w.code === 'unsupported-image')?.message).toMatch(
      /cannot be shown by the Media Library; this one is imported as a file/,
    )
  })
})
