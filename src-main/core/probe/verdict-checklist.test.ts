/**
 * Issue #18's verdict and duration bullets, each walked on a real file. Where an older test
 * already shows a bullet, the table names it; the tests below are the ones that were missing.
 * (The metadata bullets are walked by the format × field table in this folder's README.)
 * (D = verdicts.test.ts, V = video-metadata.test.ts, P = probe-videos.test.ts, here = this file.)
 *
 * | Bullet                                                          | Test                                                   |
 * | --------------------------------------------------------------- | ------------------------------------------------------ |
 * | HEIF/AVIF multi-image files are images, primary item's size     | D "HEIF and AVIF holding several images…"              |
 * | AVIF image sequence is an image, first frame's size             | D "an AVIF image sequence is an animated image…"       |
 * | HEIC/HEIF image sequence (a phone's burst) likewise             | here "a HEIF image sequence…"                          |
 * | a minimal valid SVG is not truncated                            | D "a minimal valid SVG…"                               |
 * | declared duration the bytes cannot hold: AVI, FLV, MKV, MP4     | D "an AVI cut short…", "an FLV…", "a Matroska…"; P "reports a video cut off in the middle" |
 * | … WMV/ASF, WebM, MPEG-PS                                        | here "%s cut short is damaged"                         |
 * | … Ogg (no declared length; its last page must be marked so)     | here "%s cut short…", "an Ogg cut exactly between…"    |
 * | no decodable frame: no frame in the index                       | D "an MP4 whose video track holds no frame…"           |
 * | … frames that are zero bytes (a copy into reserved space)       | here "an MP4 whose frames are blank…"                  |
 * | damaged PNG: checksum fails                                     | D "a PNG whose picture data is damaged…"               |
 * | damaged PNG: stream damaged under good checksums, or cut short  | here "a PNG whose picture data…"                       |
 * | an MP4 holding only sound is audio/mp4 (3GP: audio/3gpp)        | D "an MP4 holding only sound…"; here "%s holding only sound" |
 * | camera RAW MIME types (CRW, MRW, X3F), imported as files        | D "camera RAW %s…"                                     |
 * | formats the Media Library cannot show: file, with a warning     | D "a .%s image the Media Library cannot show…"         |
 * | (found on the way) a BMP whose header is damaged                | here "flags impossible header values…"                 |
 * | reasons are one plain sentence                                  | D (every damaged case) and here                        |
 * | durations and sizes: FLV, MPEG-PS/TS, M2TS, AVI, WMV, 3GP, Ogg, WebM | V "%s: duration and size as ffprobe reads them"   |
 * | displayed size after pixel aspect (3GP 504×288 vs 352×288)      | V "a 3GP with non-square pixels…"                      |
 * | … MPEG-PS/TS, AVI, WMV, Ogg (read through MediaInfo)            | here "%s with non-square pixels…"                      |
 * | displayed size after rotation: MP4                              | P "applies the rotation a phone records…"              |
 * | … 3GP and MOV                                                   | here "a rotated %s shows at its displayed size"        |
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib'
import { readFile, writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  exiftoolReads,
  ffprobeReads,
  makeHeifSequence,
  makeImage,
  makeVideo,
  run,
  tools,
  truncateTo,
} from './fixtures/generate'
import { expectPlainReason } from './testing/plain-reason'
import { probe, tempDir, type TempDir } from './testing/probe-helpers'

let dir: TempDir
beforeAll(async () => {
  dir = await tempDir('verdict-checklist')
})
afterAll(async () => dir.remove())

const h264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']

describe('valid files are not called damaged', () => {
  it.each([
    ['hevc', 'burst.heics', 'image/heic-sequence'],
    ['msf1', 'burst.heifs', 'image/heif-sequence'],
  ] as const)(
    'a HEIF image sequence (%s brand, no still item) is an image with its first frame size',
    async (brand, name, mime) => {
      const path = await makeHeifSequence(dir.path(name), brand, 64, 48)
      const theirs = await exiftoolReads(path, ['MIMEType', 'ImageWidth', 'ImageHeight'])
      const result = await probe(path)
      expect(result).toMatchObject({ kind: 'image', mimeType: mime, animated: true })
      expect([result.width, result.height]).toEqual([theirs.ImageWidth, theirs.ImageHeight])
      expect(result.error).toBeUndefined()
      // HEVC pictures either way: the row says why it shows no preview.
      expect(result.warnings.map((w) => w.code)).toContain('no-preview')
    },
  )
})

/** A PNG's chunk at `type`, with its data replaced and its CRC made right again. */
function withChunk(png: Buffer, type: string, data: Buffer): Buffer {
  const at = png.indexOf(type) - 4
  const end = at + 12 + png.readUInt32BE(at)
  const chunk = Buffer.alloc(12 + data.length)
  chunk.writeUInt32BE(data.length, 0)
  chunk.write(type, 4, 'latin1')
  data.copy(chunk, 8)
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length)
  return Buffer.concat([png.subarray(0, at), chunk, png.subarray(end)])
}

describe('damaged files are flagged, with the reason', () => {
  it.each([
    ['clip.wmv', ['-c:v', 'wmv2']],
    ['clip.webm', ['-c:v', 'libvpx', '-b:v', '100k']],
    ['clip.mpg', ['-c:v', 'mpeg2video']],
    ['clip.ogv', ['-c:v', 'libtheora']],
  ])('%s cut short is damaged, not a normal video', async (name, args) => {
    const whole = await makeVideo(dir.path(name), { seconds: 3, args })
    expect((await probe(whole)).error).toBeUndefined()
    const size = (await readFile(whole)).length
    const result = await probe(await truncateTo(whole, Math.floor(size / 3), dir.path(`cut-${name}`)))
    expect(result.error).toMatchObject({ code: 'truncated', canImportAsFile: true })
    expectPlainReason(result, dir)
  })

  it('an Ogg cut exactly between two pages is damaged: its last page is not marked as the end', async () => {
    const whole = await makeVideo(dir.path('pages.ogv'), { seconds: 3, args: ['-c:v', 'libtheora'] })
    const bytes = await readFile(whole)
    const page = bytes.indexOf('OggS', Math.floor(bytes.length / 2))
    const result = await probe(await truncateTo(whole, page, dir.path('between.ogv')))
    expect(result.error?.message).toMatch(/stops after \d+ bytes, before the end of its stream/)
    expectPlainReason(result, dir)
  })

  it('an MP4 whose frames are blank (zero bytes where the index points) has no decodable frame: damaged', async () => {
    // A copy into space reserved first, stopped early, or a card's recovered clusters: the index is
    // whole, the frames are zeros. All of them (the first frame), or the last tenth (the last one).
    const path = await makeVideo(dir.path('reserved.mp4'), { seconds: 3, args: [...h264, '-movflags', '+faststart'] })
    const bytes = await readFile(path)
    const mdat = bytes.indexOf('mdat')
    for (const [name, from] of [
      ['blank.mp4', mdat + 4],
      ['blank-end.mp4', Math.floor(bytes.length * 0.9)],
    ] as const) {
      await writeFile(dir.path(name), Buffer.from(bytes).fill(0, from))
      const result = await probe(dir.path(name))
      expect(result.error, name).toMatchObject({ code: 'truncated', canImportAsFile: true })
      expect(result.error?.message).toMatch(/picture data at byte \d+ is blank/)
      expectPlainReason(result, dir)
    }
    expect((await probe(path)).error).toBeUndefined()
  })

  it('a PNG whose picture data cannot be unpacked, under checksums that match, is corrupt', async () => {
    // A writer that died mid-stream, or a tool that recomputed the checksums over the damage.
    const path = await makeImage(dir.path('noise.png'), 64, 64, ['+noise', 'Random'])
    const png = await readFile(path)
    const idat = png.subarray(
      png.indexOf('IDAT') + 4,
      png.indexOf('IDAT') + 4 + png.readUInt32BE(png.indexOf('IDAT') - 4),
    )
    const damaged = Buffer.from(idat)
    damaged.fill(0xff, 40, 80)
    await writeFile(dir.path('bad-stream.png'), withChunk(png, 'IDAT', damaged))
    const result = await probe(dir.path('bad-stream.png'))
    expect(result.error).toMatchObject({ code: 'corrupt', canImportAsFile: true })
    expect(result.error?.message).toMatch(/^Corrupt PNG: its picture data is damaged/)
    expectPlainReason(result, dir)

    // A whole, valid stream that holds only half the rows.
    const half = deflateSync(inflateSync(idat).subarray(0, (64 * 3 + 1) * 32))
    await writeFile(dir.path('half.png'), withChunk(png, 'IDAT', half))
    const short = await probe(dir.path('half.png'))
    expect(short.error?.message).toMatch(/its picture data stops before the last row/)
    expectPlainReason(short, dir)
  })

  it('a PNG in every pixel layout (palette, grey, 16-bit, alpha, interlaced) is not flagged', async () => {
    const layouts = [
      ['palette.png', ['-type', 'palette']],
      ['bilevel.png', ['-type', 'bilevel']],
      ['deep.png', ['-depth', '16']],
      ['alpha.png', ['-alpha', 'set', '-channel', 'A', '-evaluate', 'set', '50%']],
      ['interlaced.png', ['-interlace', 'PNG']],
    ] as const
    for (const [name, extra] of layouts) {
      const result = await probe(await makeImage(dir.path(name), 33, 7, [...extra]))
      expect(result.error, name).toBeUndefined()
    }
  })
})

describe('a BMP whose header is damaged is corrupt, not a picture of a billion pixels', () => {
  it('flags impossible header values and a size the bytes cannot hold; passes every layout ImageMagick writes', async () => {
    const layouts = [
      ['v3.bmp', ['-define', 'bmp:format=bmp3']],
      ['palette.bmp', ['-type', 'palette']],
      ['rle.bmp', ['-type', 'palette', '-compress', 'RLE']],
      ['alpha.bmp', ['-alpha', 'set']],
    ] as const
    for (const [name, extra] of layouts) {
      expect((await probe(await makeImage(dir.path(name), 33, 7, [...extra]))).error, name).toBeUndefined()
    }
    const bytes = await readFile(dir.path('v3.bmp'))
    const garbled = Buffer.from(bytes).fill(0x41, 18, 34)
    await writeFile(dir.path('garbled.bmp'), garbled)
    const tall = Buffer.from(bytes)
    tall.writeInt32LE(7000, 22)
    await writeFile(dir.path('tall.bmp'), tall)
    for (const [name, reason] of [
      ['garbled.bmp', /its header is damaged/],
      ['tall.bmp', /describes 33×7000 pixels, which need \d+ bytes, but the file has \d+/],
    ] as const) {
      const result = await probe(dir.path(name))
      expect(result.error, name).toMatchObject({ code: 'corrupt', canImportAsFile: true })
      expect(result.error?.message).toMatch(reason)
      expectPlainReason(result, dir)
    }
  })
})

describe('types and displayed sizes', () => {
  it.each([
    // exiftool names every 3GP video/3gpp; RFC 3839 names the sound-only one audio/3gpp.
    ['sound.3gp', 'audio/3gpp'],
    // file-type says audio/x-m4a; the registered name (RFC 4337, and exiftool's) is audio/mp4.
    ['sound.m4a', 'audio/mp4'],
  ])('%s holding only sound is %s, a file row', async (name, mime) => {
    const path = dir.path(name)
    await run(tools.ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=d=1', '-c:a', 'aac', path])
    expect(await probe(path)).toMatchObject({ kind: 'file', mimeType: mime })
  })

  it.each([
    ['wide.mpg', ['-c:v', 'mpeg2video']],
    ['wide.ts', ['-c:v', 'mpeg2video']],
    ['wide.avi', ['-c:v', 'mpeg4']],
    ['wide.wmv', ['-c:v', 'wmv2']],
    ['wide.ogv', ['-c:v', 'libtheora']],
  ])('%s with non-square pixels (as DVB and DVD clips have) shows at its display size', async (name, args) => {
    const path = await makeVideo(dir.path(name), { width: 352, height: 288, args: [...args, '-vf', 'setsar=16/11'] })
    const theirs = await ffprobeReads(path)
    const [h, v] = theirs.sar.split(':').map(Number)
    expect(h).not.toBe(v)
    expect(await probe(path)).toMatchObject({
      kind: 'video',
      width: Math.round((theirs.width * (h ?? 1)) / (v ?? 1)),
      height: 288,
    })
  })

  it.each([
    ['turned.3gp', ['-c:v', 'h263', '-s', '176x144']],
    ['turned.mov', h264],
  ])('a rotated %s shows at its displayed size', async (name, args) => {
    const plain = await makeVideo(dir.path(`plain-${name}`), { width: 176, height: 144, args })
    const turned = dir.path(name)
    await run(tools.ffmpeg, ['-v', 'error', '-y', '-i', plain, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', turned])
    // exiftool reads the display matrix's quarter turn (as 270 for ffmpeg's rotate=90).
    const theirs = await exiftoolReads(turned, ['Rotation'])
    expect([90, 270]).toContain(theirs.Rotation)
    expect(await probe(turned)).toMatchObject({ kind: 'video', width: 144, height: 176 })
  })
})
