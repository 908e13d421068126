import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeVideo, run, tools } from '../fixtures/generate'
import { tempDir, type TempDir } from '../testing/probe-helpers'
import { bufferReader, walkTopLevelBoxes } from './bmff-boxes'
import type { ContainerFacts } from './container-facts'
import { readMovie } from './iso-movie'
import { readMatroskaHead } from './matroska'
import { factsFromMediaInfo } from './mediainfo-facts'
import { MediaInfoReader } from './mediainfo-reader'

let dir: TempDir
const mediaInfo = new MediaInfoReader()
beforeAll(async () => {
  dir = await tempDir('containers')
})
afterAll(async () => {
  await mediaInfo.close()
  await dir.remove()
})

async function ownFacts(path: string): Promise<ContainerFacts | undefined> {
  const bytes = await readFile(path)
  if (/\.(webm|mkv)$/.test(path)) return readMatroskaHead(bytes.subarray(0, 64 * 1024))
  const moov = (await walkTopLevelBoxes(bufferReader(bytes), bytes.length)).boxes.find((b) => b.type === 'moov')
  return moov && readMovie(bytes.subarray(moov.offset, moov.offset + moov.size))
}

const h264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']

describe('our container readers agree with MediaInfo', () => {
  it.each([
    ['a.mp4', h264],
    ['b.mov', h264],
    ['c.mp4', ['-c:v', 'libx265', '-tag:v', 'hvc1', '-pix_fmt', 'yuv420p']],
    ['d.3gp', ['-c:v', 'h263', '-s', '176x144']],
    ['e.webm', ['-c:v', 'libvpx-vp9', '-b:v', '100k']],
    ['f.webm', ['-c:v', 'libvpx', '-b:v', '100k']],
    ['g.mkv', h264],
    ['h.mp4', [...h264, '-movflags', '+frag_keyframe+empty_moov+default_base_moof']],
  ])('%s', async (name, args) => {
    const path = await makeVideo(dir.path(name), { seconds: 2, width: 176, height: 144, args })
    const ours = await ownFacts(path)
    const theirs = factsFromMediaInfo(await mediaInfo.analyze(path, (await readFile(path)).length))
    expect(ours?.hasVideo).toBe(true)
    expect({ width: ours?.width, height: ours?.height, codec: ours?.codec }).toEqual({
      width: theirs.width,
      height: theirs.height,
      codec: theirs.codec,
    })
    // A fragmented MP4 without `mehd` states no duration in its index: MediaInfo then decides.
    if (ours?.duration !== undefined) expect(ours.duration).toBeCloseTo(theirs.duration ?? NaN, 1)
    else expect(name).toBe('h.mp4')
  })

  it('applies the track matrix rotation, and reads place, title and date', async () => {
    const plain = await makeVideo(dir.path('p.mp4'), {
      width: 160,
      height: 90,
      args: [...h264, '-metadata', 'title=Interview'],
    })
    const rotated = dir.path('r.mp4')
    await run(tools.ffmpeg, [
      '-v',
      'error',
      '-y',
      '-i',
      plain,
      '-c',
      'copy',
      '-metadata:s:v:0',
      'rotate=270',
      '-metadata',
      'location=-33.8500+151.2000/',
      rotated,
    ])
    const facts = await ownFacts(rotated)
    expect(facts).toMatchObject({ width: 90, height: 160 })
    expect(facts?.embedded?.gps?.latitude).toBeCloseTo(-33.85, 3)
    expect(facts?.embedded?.gps?.longitude).toBeCloseTo(151.2, 3)
    expect((await ownFacts(plain))?.embedded?.title).toBe('Interview')
  })

  it('leaves a Matroska file whose tracks are not in the head to MediaInfo', async () => {
    const path = await makeVideo(dir.path('m.mkv'), { args: h264 })
    expect(readMatroskaHead((await readFile(path)).subarray(0, 40))).toBeUndefined()
    expect(readMatroskaHead(Buffer.from('not matroska at all'))).toBeUndefined()
  })
})
