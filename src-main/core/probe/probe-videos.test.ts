import { readFile, rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeVideo, run, tools, truncateTo } from './fixtures/generate'
import { codes, fixture, probe, tempDir, type TempDir } from './testing/probe-helpers'
import { MediaInfoReader } from './video/mediainfo-reader'
import { probeVideo } from './video/video-probe'

let dir: TempDir
beforeAll(async () => {
  dir = await tempDir('probe-videos')
})
afterAll(async () => dir.remove())

const h264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']

describe('probe: videos', () => {
  it.each([
    ['clip.mp4', h264, 'video/mp4', 'h264'],
    ['clip.mov', h264, 'video/quicktime', 'h264'],
    ['clip.webm', ['-c:v', 'libvpx-vp9', '-b:v', '100k'], 'video/webm', 'vp9'],
    ['clip.mkv', h264, 'video/matroska', 'h264'],
    ['clip.avi', ['-c:v', 'mpeg4'], 'video/vnd.avi', 'mpeg4'],
    ['clip.3gp', ['-c:v', 'h263', '-s', '176x144'], 'video/3gpp', 'h263'],
    ['clip.mts', [...h264, '-f', 'mpegts'], 'video/mp2t', 'h264'],
  ])('reads %s: size, duration in seconds, codec', async (name, args, mime, codec) => {
    const path = await makeVideo(dir.path(name), { seconds: 2, width: 176, height: 144, args })
    const result = await probe(path)
    expect(result).toMatchObject({ kind: 'video', mimeType: mime, width: 176, height: 144, codec })
    expect(result.duration).toBeGreaterThan(1.8)
    expect(result.duration).toBeLessThan(2.3)
    expect(result.error).toBeUndefined()
  })

  it('applies the rotation a phone records to the displayed size', async () => {
    const plain = await makeVideo(dir.path('landscape.mp4'), { width: 160, height: 90, args: h264 })
    const rotated = dir.path('portrait.mp4')
    // The rotation goes into the track's display matrix when remuxing, as a phone writes it.
    await run(tools.ffmpeg, ['-v', 'error', '-y', '-i', plain, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', rotated])
    expect(await probe(plain)).toMatchObject({ width: 160, height: 90 })
    expect(await probe(rotated)).toMatchObject({ width: 90, height: 160 })
  })

  it('reads title, date and place a camera wrote into the container', async () => {
    const path = await makeVideo(dir.path('tagged.mp4'), {
      args: [
        ...h264,
        '-metadata',
        'title=Interview',
        '-metadata',
        'creation_time=2024-05-06T07:08:09Z',
        '-metadata',
        'location=+47.3769+008.5417/',
      ],
    })
    const { embedded } = await probe(path)
    expect(embedded).toMatchObject({ title: 'Interview', dateTaken: '2024-05-06T07:08:09Z' })
    expect(embedded?.gps?.latitude).toBeCloseTo(47.3769, 3)
    expect(embedded?.gps?.longitude).toBeCloseTo(8.5417, 3)
  })

  it('says plainly that a recording without an index cannot be played', async () => {
    const result = await probe(fixture('no-index.mp4'))
    expect(result).toMatchObject({ kind: 'video', mimeType: 'video/mp4' })
    expect(result.error).toMatchObject({ code: 'no-index', canImportAsFile: true })
    expect(result.error?.message).toMatch(/no index \(no moov box\)/)
  })

  it('reports a video cut off in the middle', async () => {
    const whole = await makeVideo(dir.path('whole.mp4'), { seconds: 2, args: [...h264, '-movflags', '+faststart'] })
    const cut = await truncateTo(whole, 3000, dir.path('cut.mp4'))
    const result = await probe(cut)
    expect(result.error).toMatchObject({ code: 'truncated', canImportAsFile: true })
    expect(result.error?.message).toMatch(/mdat box is cut off/)
  })

  it('gives a damaged Matroska header a clear reason', async () => {
    const whole = await makeVideo(dir.path('whole.webm'), { args: ['-c:v', 'libvpx-vp9', '-b:v', '100k'] })
    const cut = await truncateTo(whole, 60, dir.path('cut.webm'))
    const result = await probe(cut)
    expect(result).toMatchObject({ kind: 'video', mimeType: 'video/webm' })
    expect(result.error).toMatchObject({ code: 'broken-header' })
  })

  it('imports an MP4 holding only sound as a file', async () => {
    const path = dir.path('voice.mp4')
    await run(tools.ffmpeg, [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=1',
      '-c:a',
      'aac',
      '-f',
      'mp4',
      path,
    ])
    const result = await probe(path)
    expect(result.kind).toBe('file')
    expect(codes(result)).toContain('no-video-track')
  })

  it.each([
    ['whole.mp4', h264, 'video/mp4'],
    ['whole.avi', ['-c:v', 'mpeg4'], 'video/vnd.avi'],
    ['whole.ts', [...h264, '-f', 'mpegts'], 'video/mp2t'],
  ])('reads %s from the bytes already in memory, without opening the file again', async (name, args, mime) => {
    const path = await makeVideo(dir.path(name), { seconds: 1, width: 176, height: 144, args })
    const bytes = await readFile(path)
    await rm(path)
    const reader = new MediaInfoReader()
    const facts = await probeVideo(path, mime, bytes.length, bytes, reader)
    await reader.close()
    expect(facts).toMatchObject({ width: 176, height: 144 })
    expect(facts.error).toBeUndefined()
    expect(facts.duration).toBeGreaterThan(0.8)
  })
})
