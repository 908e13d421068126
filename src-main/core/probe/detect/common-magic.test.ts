import { execFile } from 'node:child_process'
import { open, readdir } from 'node:fs/promises'
import { promisify } from 'node:util'
import { fileTypeFromBuffer } from 'file-type'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makePdf } from '../fixtures/generate'
import { fixture, tempDir, type TempDir } from '../testing/probe-helpers'
import { sniffCommon } from './common-magic'

const exec = promisify(execFile)

async function head(path: string): Promise<Buffer> {
  const file = await open(path, 'r')
  try {
    const buf = Buffer.alloc(256 * 1024)
    const { bytesRead } = await file.read(buf, 0, buf.length, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await file.close()
  }
}

const clip = ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=5', '-t', '1']
const tone = ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1']

/** Each format as the tools write it: [file name, command, arguments (the output path last)]. */
const made: [string, string, string[]][] = [
  ['image.png', 'convert', ['-size', '16x16', 'xc:red']],
  ['anim.apng', 'ffmpeg', [...clip, '-plays', '0', '-f', 'apng']],
  ['image.webp', 'convert', ['-size', '16x16', 'xc:red']],
  ['clip.mp4', 'ffmpeg', [...clip, '-c:v', 'libx264', '-pix_fmt', 'yuv420p']],
  ['clip.m4v', 'ffmpeg', [...clip, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-brand', 'M4V ', '-f', 'mp4']],
  ['clip.mov', 'ffmpeg', [...clip, '-c:v', 'libx264', '-pix_fmt', 'yuv420p']],
  ['clip.3gp', 'ffmpeg', [...clip, '-c:v', 'h263', '-s', '176x144']],
  ['sound.m4a', 'ffmpeg', [...tone, '-c:a', 'aac']],
  ['clip.mkv', 'ffmpeg', [...clip, '-c:v', 'libx264', '-pix_fmt', 'yuv420p']],
  ['clip.webm', 'ffmpeg', [...clip, '-c:v', 'libvpx', '-deadline', 'realtime']],
  ['clip.avi', 'ffmpeg', [...clip, '-c:v', 'mpeg4']],
  ['sound.wav', 'ffmpeg', tone],
  ['clip.ogv', 'ffmpeg', [...clip, '-c:v', 'libtheora']],
  ['sound.ogg', 'ffmpeg', [...tone, '-c:a', 'libvorbis']],
  ['sound.opus', 'ffmpeg', [...tone, '-c:a', 'libopus']],
  ['sound.oga', 'ffmpeg', [...tone, '-c:a', 'flac', '-f', 'ogg']],
  ['clip.flv', 'ffmpeg', [...clip, '-c:v', 'flv']],
]

describe('common-magic: the formats of a drop, decided as file-type decides them', () => {
  let dir: TempDir
  beforeAll(async () => {
    dir = await tempDir('common-magic')
    for (const [name, command, args] of made) await exec(command, [...args, dir.path(name)])
    await makePdf(dir.path('doc.pdf'))
    await exec('heif-enc', ['-q', '40', fixture('mwg-in-sync.jpg'), '-o', dir.path('photo.heic')])
    await exec('heif-enc', ['-A', '-q', '40', fixture('mwg-in-sync.jpg'), '-o', dir.path('photo.avif')])
  }, 60_000)
  afterAll(() => dir.remove())

  it.each([...made.map(([name]) => name), 'doc.pdf', 'photo.heic', 'photo.avif'])('%s', async (name) => {
    const bytes = await head(dir.path(name))
    const ours = sniffCommon(bytes)
    // Decided here (file-type not needed), and the same answer file-type gives.
    expect(ours).toBeDefined()
    expect(ours).toEqual(await fileTypeFromBuffer(bytes))
  })

  it('the committed fixtures: no answer that differs from file-type', async () => {
    const names = (await readdir(fixture('.'))).filter((n) => !/\.(ts|sh)$/.test(n))
    for (const name of names) {
      const bytes = await head(fixture(name))
      const ours = sniffCommon(bytes)
      if (ours) expect(ours, name).toEqual(await fileTypeFromBuffer(bytes))
    }
  })

  it('leaves what it is not sure of to file-type', () => {
    const signature = Buffer.from('89504e470d0a1a0a', 'hex')
    // A PNG whose first chunk is not a 13-byte IHDR; RIFF of another form; a 256-byte ftyp box.
    const oddPng = Buffer.concat([signature, Buffer.from('0000000c49484452', 'hex'), Buffer.alloc(20)])
    expect(sniffCommon(oddPng)).toBeUndefined()
    expect(sniffCommon(Buffer.from('RIFF\0\0\0\0QLCMfmt ', 'latin1'))).toBeUndefined()
    expect(sniffCommon(Buffer.from('\0\0\x01\0ftypisom\0\0\0\0', 'latin1'))).toBeUndefined()
    expect(sniffCommon(Buffer.alloc(64))).toBeUndefined()
  })
})
