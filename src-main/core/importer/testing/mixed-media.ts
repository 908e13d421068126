/**
 * Test helpers for import runs against the Sandbox: a folder of real mixed media made with the
 * Debian tools, and the check that each entry's asset is in the sandbox S3 as declared.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { HeadObjectCommand } from '@aws-sdk/client-s3'
import { makeImage, makeVideo, tag } from '../../probe/fixtures/generate'
import type { MediaLibraryEntry } from '../../sandbox/emulator'
import { createSandboxS3Client, type RunningS3Sandbox } from '../../sandbox/s3-server'

export interface MediaFile {
  relativePath: string
  kind: 'image' | 'video' | 'file'
  mimeType: string
}

const PDF = `%PDF-1.4
1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj
2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj
3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>> endobj
trailer <</Root 1 0 R>>
%%EOF
`

/** `<parent>/<name>/`: a JPEG with EXIF/IPTC/XMP, a PNG, an MP4, a PDF, a text file, and a hidden file. */
export async function makeMixedMedia(parent: string, name = 'drop'): Promise<{ root: string; files: MediaFile[] }> {
  const root = join(parent, name)
  await mkdir(join(root, 'docs'), { recursive: true })
  await makeImage(join(root, 'harbour.jpg'), 64, 48)
  await tag(join(root, 'harbour.jpg'), [
    '-XMP-dc:Title=Harbour at dawn',
    '-IPTC:Credit=Agency North',
    '-EXIF:Artist=Jane Doe',
  ])
  await makeImage(join(root, 'chart.png'), 32, 32)
  await makeVideo(join(root, 'clip.mp4'), { seconds: 1, args: ['-pix_fmt', 'yuv420p'] })
  await writeFile(join(root, 'docs', 'brief.pdf'), PDF)
  await writeFile(join(root, 'docs', 'notes.txt'), 'Notes for the desk.\n')
  await writeFile(join(root, '.DS_Store'), 'x')
  return {
    root,
    files: [
      { relativePath: `${name}/harbour.jpg`, kind: 'image', mimeType: 'image/jpeg' },
      { relativePath: `${name}/chart.png`, kind: 'image', mimeType: 'image/png' },
      { relativePath: `${name}/clip.mp4`, kind: 'video', mimeType: 'video/mp4' },
      { relativePath: `${name}/docs/brief.pdf`, kind: 'file', mimeType: 'application/pdf' },
      { relativePath: `${name}/docs/notes.txt`, kind: 'file', mimeType: 'text/plain' },
    ],
  }
}

/** The bucket and key of an entry's asset, read back from its public URL (path style). */
function objectOf(s3: RunningS3Sandbox, url: string): { bucket: string; key: string } {
  const path = url.slice(s3.endpoint.length + 1)
  const slash = path.indexOf('/')
  return { bucket: path.slice(0, slash), key: decodeURIComponent(path.slice(slash + 1)) }
}

/** Each entry's asset as S3 holds it: size and Content-Type, next to what the entry declares. */
export async function storedAssets(
  s3: RunningS3Sandbox,
  entries: readonly MediaLibraryEntry[],
): Promise<
  {
    id: string
    key: string
    declared: { size: number; mimeType: string }
    stored: { size: number; contentType: string | undefined }
  }[]
> {
  const client = createSandboxS3Client(s3)
  try {
    return await Promise.all(
      entries.map(async (entry) => {
        const { bucket, key } = objectOf(s3, entry.asset.url)
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
        return {
          id: entry.id,
          key,
          declared: { size: entry.asset.size, mimeType: entry.asset.mimeType },
          stored: { size: head.ContentLength ?? -1, contentType: head.ContentType },
        }
      }),
    )
  } finally {
    client.destroy()
  }
}
