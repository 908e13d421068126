/**
 * Files that become video and file entries are prefilled from what they carry, as images are
 * (issue #18): a PDF's Info dictionary, an MP4's udta title, through the media type's mappings or
 * the app's defaults. The files are written by exiftool and ffmpeg.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readProjectModel } from '../../../src-shared/project/project-model'
import type { MediaTypeModel } from '../model/livingdocs'
import { makePdf, makeVideo, tag } from '../probe/fixtures/generate'
import { probe, tempDir, type TempDir } from '../probe/testing/probe-helpers'
import { chooseMediaType } from './media-type'
import { prefillMetadata } from './prefill'

const sample = readProjectModel(
  JSON.parse(readFileSync(resolve(__dirname, '../../../resources/sandbox/project-config.json'), 'utf8')),
)
const typeOf = (kind: 'video' | 'file') => chooseMediaType(sample, kind) as MediaTypeModel

let dir: TempDir
beforeAll(async () => {
  dir = await tempDir('prefill-other-kinds')
})
afterAll(async () => dir.remove())

describe('prefill of video and file entries from their own metadata', () => {
  it("fills a file entry's title and description from a PDF's Info dictionary", async () => {
    const path = await tag(await makePdf(dir.path('report.pdf')), [
      '-Title=Harbour annual report',
      '-Subject=Tonnage and berths, 2025',
    ])
    const probed = await probe(path)
    expect(probed.kind).toBe('file')
    const prefill = prefillMetadata({ fileName: 'report.pdf', embedded: probed.embedded }, typeOf('file'))
    expect(prefill.metadata).toMatchObject({
      title: 'Harbour annual report',
      description: 'Tonnage and berths, 2025',
    })
    expect(prefill.sources.title).toMatchObject({ from: 'embedded' })
    expect(prefill.fallback).toEqual([])
  })

  it("fills a video entry's title from the movie's udta title, not its file name", async () => {
    const path = await makeVideo(dir.path('MVI_0425.mp4'), {
      args: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-metadata', 'title=Pilot boat leaving'],
    })
    const probed = await probe(path)
    expect(probed.kind).toBe('video')
    const prefill = prefillMetadata({ fileName: 'MVI_0425.mp4', embedded: probed.embedded }, typeOf('video'))
    expect(prefill.metadata.title).toBe('Pilot boat leaving')
    expect(prefill.sources.title).toMatchObject({ from: 'embedded' })
  })
})
