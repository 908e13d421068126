/**
 * The ingest bench's mixed tree, shaped like a newsroom drop: photos with full EXIF/IPTC/XMP,
 * phone HEICs, videos in every container editors bring (MP4, MOV, 3GP, MKV, WebM, AVI, MTS,
 * MPG, FLV, WMV, OGV), PDFs and office files with their own metadata, PNGs, and a few damaged
 * files (cut JPEGs, PNGs with a broken checksum, MP4s cut short). Each kind gets a few base
 * files made by the real tools; every copy then gets its own number written over a same-length
 * placeholder in its title, so no two files are alike and each stays valid. Built under
 * bench/.data once per size and reused.
 */
import { execFile } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ensureIngestTree } from './ingest-tree'

const exec = promisify(execFile)
const placeholder = 'N00000000'
const perFolder = 200

/** Share of the tree per kind; photos (the JPEG tree's own builder) take the rest. */
const shares = { heic: 0.1, video: 0.06, pdf: 0.06, office: 0.04, png: 0.03, damaged: 0.01 }

const videoKinds: [string, string[]][] = [
  ['mp4', ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p']],
  ['mov', ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p']],
  ['3gp', ['-c:v', 'h263', '-s', '176x144']],
  ['mkv', ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p']],
  ['webm', ['-c:v', 'libvpx', '-b:v', '200k', '-deadline', 'realtime']],
  ['avi', ['-c:v', 'mpeg4']],
  ['mts', ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-f', 'mpegts']],
  ['mpg', ['-c:v', 'mpeg2video']],
  ['flv', ['-c:v', 'flv']],
  ['wmv', ['-c:v', 'wmv2']],
  ['ogv', ['-c:v', 'libtheora']],
]

const tagArgs = [
  `-XMP-dc:Title=Title ${placeholder}`,
  '-XMP-dc:Description=A bench caption',
  '-XMP-dc:Subject=bench',
  '-XMP-dc:Rights=(c) Bench Agency',
]

function numbered(base: Buffer, n: number): Buffer {
  const copy = Buffer.from(base)
  const token = Buffer.from(placeholder, 'latin1')
  const value = Buffer.from(`N${String(n).padStart(8, '0')}`, 'latin1')
  for (let at = copy.indexOf(token); at >= 0; at = copy.indexOf(token, at + token.length)) value.copy(copy, at)
  return copy
}

async function tool(command: string, args: string[]): Promise<void> {
  await exec(command, args, { maxBuffer: 16 << 20 })
}

async function bases(work: string): Promise<Record<string, Buffer[]>> {
  const out: Record<string, Buffer[]> = { heic: [], video: [], pdf: [], office: [], png: [], damaged: [] }
  const jpg = join(work, 'phone.jpg')
  await tool('/usr/bin/convert', ['-size', '512x384', 'plasma:fractal', '-quality', '85', jpg])
  await tool('exiftool', [
    '-q',
    '-overwrite_original',
    ...tagArgs,
    '-Make=Phone',
    '-DateTimeOriginal=2024:05:06 07:08:09',
    jpg,
  ])
  await tool('heif-enc', ['-q', '40', jpg, '-o', join(work, 'phone.heic')])
  out.heic?.push(await readFile(join(work, 'phone.heic')))
  for (const [ext, args] of videoKinds) {
    const path = join(work, `clip.${ext}`)
    const meta = ['-metadata', `title=Title ${placeholder}`, '-metadata', 'comment=A bench clip']
    await tool('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x240:rate=25',
      '-t',
      '2',
      ...args,
      ...meta,
      path,
    ])
    out.video?.push(await readFile(path))
  }
  const pdf = join(work, 'doc.pdf')
  await writeFile(pdf, minimalPdf(), 'latin1')
  await tool('exiftool', [
    '-q',
    '-overwrite_original',
    `-PDF:Title=Title ${placeholder}`,
    '-PDF:Author=Bench desk',
    ...tagArgs,
    pdf,
  ])
  out.pdf?.push(await readFile(pdf))
  const docx = join(work, 'doc.docx')
  await tool('python3', ['-c', officeScript(docx)])
  out.office?.push(await readFile(docx))
  const png = join(work, 'chart.png')
  await tool('/usr/bin/convert', ['-size', '400x300', 'gradient:navy-white', png])
  await tool('exiftool', ['-q', '-overwrite_original', ...tagArgs, png])
  out.png?.push(await readFile(png))
  const bad = Buffer.from(out.png?.[0] as Buffer)
  const idat = bad.indexOf('IDAT')
  bad[idat + 40] = (bad[idat + 40] as number) ^ 0xff
  out.damaged?.push(bad)
  const base = await readFile(jpg)
  out.damaged?.push(base.subarray(0, Math.floor(base.length / 2)))
  const mp4 = out.video?.[0] as Buffer
  out.damaged?.push(mp4.subarray(0, Math.floor(mp4.length / 2)))
  return out
}

const damagedExt = ['png', 'jpg', 'mp4']

function minimalPdf(): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`
  return `${body}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
}

/** A minimal Word document (OOXML zip) with its core properties (title). */
function officeScript(path: string): string {
  return [
    'import zipfile',
    `z = zipfile.ZipFile(${JSON.stringify(path)}, 'w', zipfile.ZIP_DEFLATED)`,
    `z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')`,
    `z.writestr('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Bench</w:t></w:r></w:p></w:body></w:document>')`,
    `z.writestr('docProps/core.xml', '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Title ${placeholder}</dc:title></cp:coreProperties>')`,
    'z.close()',
  ].join('\n')
}

/** Builds (or reuses) a mixed tree of `files` files under `root`. */
export async function ensureMixedTree(root: string, files: number, log: (s: string) => void): Promise<string> {
  const manifest = `${root}.manifest.json`
  const wanted = JSON.stringify({ files, shares, version: 1 })
  if ((await readFile(manifest, 'utf8').catch(() => '')) === wanted) return root
  const counts = Object.fromEntries(Object.entries(shares).map(([k, share]) => [k, Math.round(files * share)]))
  const others = Object.values(counts).reduce((a, b) => a + b, 0)
  log(`building a mixed tree of ${files} files under ${root} …`)
  await ensureIngestTree(root, files - others, 0, log)
  const work = join(root, '..', `.work-${files}`)
  await mkdir(work, { recursive: true })
  const made = await bases(work)
  for (const [kind, count] of Object.entries(counts)) {
    const list = made[kind] as Buffer[]
    for (let folder = 0; folder * perFolder < count; folder++) {
      const dir = join(root, kind, `set-${String(folder).padStart(3, '0')}`)
      await mkdir(dir, { recursive: true })
      const writes: Promise<void>[] = []
      for (let i = folder * perFolder; i < Math.min(count, (folder + 1) * perFolder); i++) {
        const which = i % list.length
        const ext =
          kind === 'video'
            ? (videoKinds[which]?.[0] as string)
            : kind === 'damaged'
              ? (damagedExt[which] as string)
              : { heic: 'heic', pdf: 'pdf', office: 'docx', png: 'png' }[kind]
        writes.push(
          writeFile(join(dir, `${kind}-${String(i).padStart(5, '0')}.${ext}`), numbered(list[which] as Buffer, i)),
        )
      }
      await Promise.all(writes)
    }
  }
  await rm(work, { recursive: true, force: true })
  await writeFile(manifest, wanted)
  return root
}
