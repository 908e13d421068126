/**
 * Video containers: the descriptive tags editors rely on (MP4/MOV udta, ilst, Apple mdta keys,
 * the XMP uuid box, Matroska/WebM Tags) and the duration and displayed size of every container
 * editors bring, each compared with what exiftool or ffprobe read from the same ffmpeg-made file.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exiftoolReads, ffprobeReads, makeVideo, tag } from './fixtures/generate'
import { probe, tempDir, type TempDir } from './testing/probe-helpers'

let dir: TempDir
beforeAll(async () => {
  dir = await tempDir('video-metadata')
})
afterAll(async () => dir.remove())

const h264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']
const tags = [
  ...['-metadata', 'title=Harbour at dawn'],
  ...['-metadata', 'description=Boats leaving the harbour'],
  ...['-metadata', 'comment=Shot from the pier'],
  ...['-metadata', 'keywords=harbour,boats'],
  ...['-metadata', 'copyright=(c) Video desk'],
  ...['-metadata', 'artist=Camera one'],
]
const expected = {
  title: 'Harbour at dawn',
  description: 'Boats leaving the harbour',
  keywords: ['harbour', 'boats'],
  copyright: '(c) Video desk',
  creator: 'Camera one',
}

describe('video metadata, per container, as exiftool reads it', () => {
  it.each([
    ['MP4 udta/meta/ilst (©nam, desc, ©cmt, keywords)', 'tags.mp4', [...h264, ...tags]],
    ['MOV with Apple mdta keys', 'tags.mov', [...h264, '-movflags', 'use_metadata_tags', ...tags]],
    ['Matroska Tags', 'tags.mkv', [...h264, ...tags]],
    ['WebM Tags', 'tags.webm', ['-c:v', 'libvpx', '-b:v', '100k', ...tags]],
  ])('%s', async (_name, file, args) => {
    const path = await makeVideo(dir.path(file), { args })
    const theirs = await exiftoolReads(path, ['Title', 'Description', 'Keywords', 'Copyright'])
    const result = await probe(path)
    expect(result.embedded).toMatchObject(expected)
    expect(result.embedded?.title).toBe(theirs.Title)
    expect(result.embedded?.description).toBe(theirs.Description)
  })

  it('MP4 XMP uuid box: XMP first, the container tags fill what it leaves', async () => {
    const path = await makeVideo(dir.path('xmp.mp4'), { args: [...h264, ...tags] })
    await tag(path, ['-XMP-dc:Title=Title from XMP', '-XMP-dc:Subject=xmp-keyword'])
    const theirs = await exiftoolReads(path, ['XMP-dc:Title'])
    const result = await probe(path)
    expect(result.embedded).toMatchObject({
      title: theirs.Title,
      keywords: ['xmp-keyword'],
      description: 'Boats leaving the harbour',
    })
  })

  it.each([
    ['AVI (RIFF INFO)', 'tags.avi', ['-c:v', 'mpeg4', ...tags]],
    ['WMV (ASF content description)', 'tags.wmv', ['-c:v', 'wmv2', ...tags]],
    ['Ogg (Vorbis comments)', 'tags.ogv', ['-c:v', 'libtheora', ...tags]],
    ['FLV (onMetaData)', 'tags.flv', [...tags]],
  ])('%s through MediaInfo', async (_name, file, args) => {
    const path = await makeVideo(dir.path(file), { args })
    const theirs = await exiftoolReads(path, ['Title', 'Keywords'])
    const result = await probe(path)
    expect(result.embedded?.title).toBe(theirs.Title)
    // RIFF INFO has no keywords field: ffmpeg drops them there.
    if (theirs.Keywords !== undefined) expect(result.embedded?.keywords).toEqual(['harbour', 'boats'])
  })
})

describe('durations and displayed sizes of every container', () => {
  it.each([
    ['clip.flv', []],
    ['clip.mpg', ['-c:v', 'mpeg2video']],
    ['clip.ts', ['-c:v', 'mpeg2video']],
    ['clip.m2ts', [...h264, '-f', 'mpegts', '-mpegts_m2ts_mode', '1']],
    ['clip.avi', ['-c:v', 'mpeg4']],
    ['clip.wmv', ['-c:v', 'wmv2']],
    ['clip.3gp', ['-c:v', 'h263', '-s', '176x144']],
    ['clip.ogv', ['-c:v', 'libtheora']],
    ['clip.webm', ['-c:v', 'libvpx', '-b:v', '100k']],
  ])('%s: duration and size as ffprobe reads them', async (file, args) => {
    const path = await makeVideo(dir.path(file), { seconds: 3, width: 176, height: 144, args })
    const theirs = await ffprobeReads(path)
    const result = await probe(path)
    expect(result).toMatchObject({ kind: 'video', width: theirs.width, height: theirs.height })
    expect(result.error).toBeUndefined()
    expect(Math.abs((result.duration ?? 0) - theirs.duration)).toBeLessThan(0.25)
  })

  it('a 3GP with non-square pixels shows at its display size, whatever its track header says', async () => {
    const path = await makeVideo(dir.path('wide.3gp'), {
      args: ['-c:v', 'h263', '-vf', 'scale=352:288,setsar=16/11'],
    })
    const theirs = await ffprobeReads(path)
    const [h, v] = theirs.sar.split(':').map(Number)
    expect(await probe(path)).toMatchObject({ width: Math.round((theirs.width * (h ?? 1)) / (v ?? 1)), height: 288 })
    // A muxer that writes a wrong width into the track header (504 for a 352-wide, square-pixel
    // picture): players show the coded size, and so do we.
    const square = await makeVideo(dir.path('square.3gp'), {
      args: ['-c:v', 'mpeg4', '-vf', 'scale=352:288,setsar=1'],
    })
    const bytes = await readFile(square)
    const tkhd = bytes.indexOf('tkhd')
    const widthAt = tkhd + 4 + 4 + 20 + 16 + 36
    expect(bytes.readUInt32BE(widthAt)).toBe(352 << 16)
    bytes.writeUInt32BE(504 << 16, widthAt)
    await writeFile(dir.path('wrong-tkhd.3gp'), bytes)
    expect(await probe(dir.path('wrong-tkhd.3gp'))).toMatchObject({ width: 352, height: 288 })
  })
})
