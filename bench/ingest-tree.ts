/**
 * The ingest bench's tree: real JPEGs whose EXIF, IPTC and XMP exiftool wrote, plus a few
 * real videos from ffmpeg. exiftool tags a handful of base images once; every copy then gets
 * its own number written over a same-length placeholder in its title, caption and IIM object
 * name, so no two files are alike and each stays a valid JPEG with intact metadata.
 * Built under bench/.data once per shape and reused.
 */
import { execFile } from 'node:child_process'
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'

const exec = promisify(execFile)
const placeholder = 'N00000000'
const perFolder = 100

interface Base {
  width: number
  height: number
  orientation: number
}

const bases: Base[] = [
  { width: 320, height: 240, orientation: 1 },
  { width: 320, height: 240, orientation: 6 },
  { width: 240, height: 320, orientation: 1 },
  { width: 400, height: 300, orientation: 8 },
]

async function makeBase(dir: string, i: number, base: Base): Promise<Buffer> {
  const path = join(dir, `base-${i}.jpg`)
  await exec('/usr/bin/convert', ['-size', `${base.width}x${base.height}`, 'plasma:fractal', '-quality', '82', path])
  await exec('exiftool', [
    '-q',
    '-overwrite_original',
    `-Orientation#=${base.orientation}`,
    '-Make=Bench',
    '-Model=Camera 1',
    '-DateTimeOriginal=2024:05:06 07:08:09',
    '-OffsetTimeOriginal=+02:00',
    '-GPSLatitude=47.3769',
    '-GPSLatitudeRef=N',
    '-GPSLongitude=8.5417',
    '-GPSLongitudeRef=E',
    '-Artist=Bench Photographer',
    '-Copyright=(c) Bench Agency',
    `-IPTC:ObjectName=Object ${placeholder}`,
    `-IPTC:Caption-Abstract=Caption ${placeholder}`,
    '-IPTC:By-line=Bench Photographer',
    '-IPTC:Credit=Bench Agency',
    '-IPTC:Source=Bench',
    '-IPTC:Keywords=bench',
    '-IPTC:Keywords=ingest',
    '-IPTC:City=Zürich',
    '-charset',
    'iptc=UTF8',
    '-IPTC:CodedCharacterSet=UTF8',
    `-XMP-dc:Title=Title ${placeholder}`,
    `-XMP-dc:Description=Caption ${placeholder}`,
    '-XMP-dc:Creator=Bench Photographer',
    '-XMP-dc:Rights=(c) Bench Agency',
    '-XMP-dc:Subject=bench',
    '-XMP-dc:Subject=ingest',
    '-XMP-photoshop:Credit=Bench Agency',
    '-XMP-photoshop:Headline=A bench picture',
    path,
  ])
  return readFile(path)
}

function numbered(base: Buffer, n: number): Buffer {
  const copy = Buffer.from(base)
  const token = Buffer.from(placeholder, 'latin1')
  const value = Buffer.from(`N${String(n).padStart(8, '0')}`, 'latin1')
  for (let at = copy.indexOf(token); at >= 0; at = copy.indexOf(token, at + token.length)) value.copy(copy, at)
  return copy
}

const videoKinds = [
  { ext: 'mp4', args: ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'] },
  { ext: 'mov', args: ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'] },
  { ext: 'webm', args: ['-c:v', 'libvpx', '-b:v', '300k', '-deadline', 'realtime'] },
  { ext: 'mkv', args: ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'] },
]

export interface IngestTree {
  root: string
  jpegs: number
  videos: number
}

/** Builds (or reuses) `root` with exactly `jpegs` JPEGs and `videos` videos. */
export async function ensureIngestTree(
  root: string,
  jpegs: number,
  videos: number,
  log: (s: string) => void,
): Promise<IngestTree> {
  // Beside the tree, not in it: the tree holds media only.
  const manifest = `${root}.manifest.json`
  const wanted = JSON.stringify({ jpegs, videos, version: 1 })
  if ((await readFile(manifest, 'utf8').catch(() => '')) === wanted) return { root, jpegs, videos }
  log(`building ${jpegs} JPEGs and ${videos} videos under ${root} …`)
  await rm(root, { recursive: true, force: true })
  const work = join(root, '.work')
  await mkdir(work, { recursive: true })
  const baseBytes = await Promise.all(bases.map((b, i) => makeBase(work, i, b)))
  for (let folder = 0; folder * perFolder < jpegs; folder++) {
    const dir = join(root, 'photos', `roll-${String(folder).padStart(3, '0')}`)
    await mkdir(dir, { recursive: true })
    const writes: Promise<void>[] = []
    for (let i = folder * perFolder; i < Math.min(jpegs, (folder + 1) * perFolder); i++) {
      writes.push(
        writeFile(
          join(dir, `IMG_${String(i).padStart(5, '0')}.JPG`),
          numbered(baseBytes[i % baseBytes.length] as Buffer, i),
        ),
      )
    }
    await Promise.all(writes)
  }
  await mkdir(join(root, 'videos'), { recursive: true })
  for (let i = 0; i < videos; i++) {
    const kind = videoKinds[i % videoKinds.length] as (typeof videoKinds)[number]
    const out = join(root, 'videos', `clip-${String(i).padStart(3, '0')}.${kind.ext}`)
    await exec('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `testsrc=size=320x240:rate=25`,
      '-t',
      '2',
      ...kind.args,
      out,
    ])
  }
  await rm(work, { recursive: true, force: true })
  await writeFile(manifest, wanted)
  return { root, jpegs, videos }
}

/** Every file of the tree. */
export async function listMedia(root: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) await walk(path)
      else out.push(path)
    }
  }
  await walk(root)
  return out
}

/** Reads every file once so both tools start from the same warm page cache. */
export async function warmCache(files: readonly string[]): Promise<number> {
  let bytes = 0
  for (const file of files) bytes += (await stat(file)).size && (await readFile(file)).length
  return bytes
}
