/**
 * Embedded metadata from every place images and files keep it: each file is made by the real
 * tools (ImageMagick, heif-enc, exiftool writing the metadata into the container), and what we
 * read is compared with what exiftool reads from the same file. The README's format x field
 * table names these tests.
 */
import { copyFile, writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exiftoolReads, makeCompressedPdf, makeHeif, makeImage, makePdf, run, tag, tools } from './fixtures/generate'
import { probe, tempDir, type TempDir } from './testing/probe-helpers'
import type { EmbeddedMetadata } from '../model/probe-facts'

let dir: TempDir
beforeAll(async () => {
  dir = await tempDir('metadata-sources')
})
afterAll(async () => dir.remove())

const xmp = [
  '-XMP-dc:Title=Title from XMP',
  '-XMP-dc:Description=Caption from XMP',
  '-XMP-dc:Subject=alpha',
  '-XMP-dc:Subject=beta',
  '-XMP-dc:Rights=(c) XMP',
  '-XMP-photoshop:Credit=Credit from XMP',
]
const iim = [
  '-IPTC:ObjectName=Title from IIM',
  '-IPTC:Caption-Abstract=Caption from IIM',
  '-IPTC:Keywords=iim-one',
  '-IPTC:Keywords=iim-two',
  '-IPTC:CopyrightNotice=(c) IIM',
  '-IPTC:Credit=Credit from IIM',
]
const fromXmp: EmbeddedMetadata = {
  title: 'Title from XMP',
  description: 'Caption from XMP',
  keywords: ['alpha', 'beta'],
  copyright: '(c) XMP',
  credit: 'Credit from XMP',
}
const fromIim: EmbeddedMetadata = {
  title: 'Title from IIM',
  description: 'Caption from IIM',
  keywords: ['iim-one', 'iim-two'],
  copyright: '(c) IIM',
  credit: 'Credit from IIM',
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)])

/** Ours equals exiftool's reading of the same tags. */
async function sameAsExiftool(path: string, embedded: EmbeddedMetadata | undefined, group: 'XMP' | 'IPTC') {
  const tags =
    group === 'XMP'
      ? ['XMP-dc:Title', 'XMP-dc:Description', 'XMP-dc:Subject', 'XMP-dc:Rights', 'XMP-photoshop:Credit']
      : ['IPTC:ObjectName', 'IPTC:Caption-Abstract', 'IPTC:Keywords', 'IPTC:CopyrightNotice', 'IPTC:Credit']
  const theirs = await exiftoolReads(path, tags)
  const [title, description, keywords, copyright, credit] =
    group === 'XMP'
      ? [theirs.Title, theirs.Description, theirs.Subject, theirs.Rights, theirs.Credit]
      : [theirs.ObjectName, theirs['Caption-Abstract'], theirs.Keywords, theirs.CopyrightNotice, theirs.Credit]
  expect(embedded).toMatchObject({ title, description, copyright, credit, keywords: list(keywords) })
}

describe('embedded metadata, per container, as exiftool reads it', () => {
  it('JPEG with XMP only (no IPTC block), and with IPTC only', async () => {
    const onlyXmp = await tag(await makeImage(dir.path('xmp-only.jpg'), 16, 16), xmp)
    const a = await probe(onlyXmp)
    expect(a.embedded).toMatchObject(fromXmp)
    await sameAsExiftool(onlyXmp, a.embedded, 'XMP')
    const onlyIim = await tag(await makeImage(dir.path('iim-only.jpg'), 16, 16), iim)
    const b = await probe(onlyIim)
    expect(b.embedded).toMatchObject(fromIim)
    await sameAsExiftool(onlyIim, b.embedded, 'IPTC')
  })

  it('JPEG extended XMP: a description too long for one APP1 segment', async () => {
    const long = 'Long caption. '.repeat(6000)
    const path = await tag(await makeImage(dir.path('extended.jpg'), 16, 16), [
      '-XMP-dc:Title=Short title',
      `-XMP-dc:Description=${long}`,
    ])
    const theirs = await exiftoolReads(path, ['XMP-xmpNote:HasExtendedXMP', 'XMP-dc:Description'])
    expect(theirs.HasExtendedXMP).toBeTruthy()
    const result = await probe(path)
    expect(result.embedded?.title).toBe('Short title')
    expect(result.embedded?.description).toBe(String(theirs.Description).trim())
  })

  it.each([
    ['TIFF XMP tag (700)', 'tif', xmp, 'XMP'],
    ['TIFF IPTC tags', 'tif', iim, 'IPTC'],
    ['PNG iTXt XMP', 'png', xmp, 'XMP'],
    ['WebP XMP chunk', 'webp', xmp, 'XMP'],
    ['GIF XMP application extension', 'gif', xmp, 'XMP'],
    ['PSD image resources: XMP', 'psd', xmp, 'XMP'],
    ['PSD image resources: IPTC', 'psd', iim, 'IPTC'],
  ] as const)('%s', async (_name, ext, tags, group) => {
    const path = await tag(await makeImage(dir.path(`${group}.${ext}`), 24, 16), [...tags])
    const result = await probe(path)
    expect(result.embedded).toMatchObject(group === 'XMP' ? fromXmp : fromIim)
    await sameAsExiftool(path, result.embedded, group)
  })

  it('TIFF: the IIM tag and the digest in the Photoshop resources decide MWG precedence together', async () => {
    const mwgDescription = async (path: string): Promise<unknown> => {
      const [first] = JSON.parse(await run(tools.exiftool, ['-j', '-use', 'MWG', '-MWG:Description', path])) as {
        Description?: unknown
      }[]
      return first?.Description
    }
    const synced = await tag(await makeImage(dir.path('synced.tif'), 24, 16), [...xmp, ...iim])
    await tag(synced, ['-IPTCDigest=new'])
    expect((await probe(synced)).embedded?.description).toBe(await mwgDescription(synced))
    expect(await mwgDescription(synced)).toBe('Caption from XMP')
    const edited = dir.path('iim-edited.tif')
    await copyFile(synced, edited)
    // An old program edited the IIM without knowing XMP: the stored digest no longer matches.
    await tag(edited, ['-IPTCDigest=0123456789abcdef0123456789abcdef'])
    expect(await mwgDescription(edited)).toBe('Caption from IIM')
    expect((await probe(edited)).embedded?.description).toBe('Caption from IIM')
  })

  it('PSD is a file entry, and keeps its metadata for the prefill', async () => {
    const path = await tag(await makeImage(dir.path('layered.psd'), 24, 16), xmp)
    expect(await probe(path)).toMatchObject({ kind: 'file', mimeType: 'image/vnd.adobe.photoshop', embedded: fromXmp })
  })

  it('PNG text chunks (tEXt, zTXt, iTXt) and eXIf', async () => {
    const path = await tag(await makeImage(dir.path('text.png'), 24, 16), [
      '-PNG:Title=PNG title',
      '-PNG:Description=PNG description',
      '-PNG:Copyright=(c) PNG',
      '-PNG:Author=PNG author',
    ])
    const theirs = await exiftoolReads(path, ['PNG:Title', 'PNG:Description', 'PNG:Copyright', 'PNG:Author'])
    const result = await probe(path)
    expect(result.embedded).toMatchObject({
      title: theirs.Title,
      description: theirs.Description,
      copyright: theirs.Copyright,
      creator: theirs.Author,
    })
    const exif = await tag(await makeImage(dir.path('exif.png'), 24, 16), [
      '-EXIF:ImageDescription=EXIF caption',
      '-EXIF:Artist=EXIF artist',
    ])
    expect((await exiftoolReads(exif, ['PNG:all'])).ImageDescription ?? 'EXIF caption').toBe('EXIF caption')
    expect((await probe(exif)).embedded).toMatchObject({ description: 'EXIF caption', creator: 'EXIF artist' })
  })

  it('XMP in the text chunks wins over the plain text keywords', async () => {
    const path = await tag(await makeImage(dir.path('both.png'), 24, 16), ['-PNG:Title=plain', ...xmp])
    expect((await probe(path)).embedded?.title).toBe('Title from XMP')
  })

  it('WebP EXIF chunk and AVIF/HEIF Exif and XMP items', async () => {
    const source = await tag(await makeImage(dir.path('source.jpg'), 32, 24), [...xmp, '-EXIF:Artist=EXIF artist'])
    const webp = await tag(await makeImage(dir.path('exif.webp'), 24, 16), ['-EXIF:Artist=EXIF artist', ...xmp])
    expect((await probe(webp)).embedded).toMatchObject({ ...fromXmp, creator: 'EXIF artist' })
    for (const ext of ['avif', 'heic']) {
      const path = await makeHeif(source, dir.path(`items.${ext}`))
      const result = await probe(path)
      expect(result.embedded).toMatchObject({ ...fromXmp, creator: 'EXIF artist' })
      await sameAsExiftool(path, result.embedded, 'XMP')
    }
  })

  it('SVG <title>, <desc> and <metadata> RDF', async () => {
    const path = dir.path('drawing.svg')
    await writeFile(
      path,
      `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
     xmlns:dc="http://purl.org/dc/elements/1.1/" width="40" height="20">
  <title>Harbour &amp; lights</title>
  <desc>A drawing of the harbour</desc>
  <metadata><rdf:RDF><rdf:Description rdf:about="">
    <dc:rights>(c) Drawing desk</dc:rights>
    <dc:subject><rdf:Bag><rdf:li>harbour</rdf:li><rdf:li>night</rdf:li></rdf:Bag></dc:subject>
  </rdf:Description></rdf:RDF></metadata>
  <rect width="40" height="20"/>
</svg>
`,
    )
    const theirs = await exiftoolReads(path, ['SVG:Title', 'SVG:Desc', 'XMP-dc:Rights', 'XMP-dc:Subject'])
    const result = await probe(path)
    expect(result.embedded).toMatchObject({
      title: theirs.Title,
      description: theirs.Desc,
      copyright: theirs.Rights,
      keywords: list(theirs.Subject),
    })
  })

  it('PDF Info dictionary, and its XMP stream (which wins where both are set)', async () => {
    const info = await tag(await makePdf(dir.path('info.pdf')), [
      '-PDF:Title=Quarterly report',
      '-PDF:Subject=Figures for the third quarter',
      '-PDF:Author=Finance desk',
      '-PDF:Keywords=finance, quarter',
    ])
    const theirs = await exiftoolReads(info, ['PDF:Title', 'PDF:Subject', 'PDF:Author', 'PDF:Keywords'])
    const a = await probe(info)
    expect(a).toMatchObject({ kind: 'file', mimeType: 'application/pdf' })
    expect(a.embedded).toMatchObject({
      title: theirs.Title,
      description: theirs.Subject,
      creator: theirs.Author,
      keywords: String(theirs.Keywords).split(/,\s*/),
    })
    const both = dir.path('both.pdf')
    await copyFile(info, both)
    await tag(both, xmp)
    const b = await probe(both)
    expect(b.embedded).toMatchObject({ ...fromXmp, creator: 'Finance desk' })
    await sameAsExiftool(both, b.embedded, 'XMP')
  })

  it('PDF 1.5: Info in a compressed object stream, found through a cross-reference stream', async () => {
    const path = await makeCompressedPdf(dir.path('compressed.pdf'), 'Annual report')
    expect(await exiftoolReads(path, ['PDF:Title'])).toMatchObject({ Title: 'Annual report' })
    expect((await probe(path)).embedded).toMatchObject({ title: 'Annual report' })
    // exiftool's incremental update on top: its new Info dictionary wins, the old title stays.
    await tag(path, ['-PDF:Author=Finance desk', '-XMP-dc:Description=Figures for the year'])
    const theirs = await exiftoolReads(path, ['PDF:Title', 'PDF:Author', 'XMP-dc:Description'])
    expect((await probe(path)).embedded).toMatchObject({
      title: theirs.Title,
      creator: theirs.Author,
      description: theirs.Description,
    })
  })

  it('camera RAW (TIFF-based): XMP and IPTC from its first IFD, for images and file rows alike', async () => {
    const tif = await makeImage(dir.path('raw.tif'), 30, 20)
    const dng = dir.path('camera.dng')
    await copyFile(tif, dng)
    await tag(dng, ['-DNGVersion=1 4 0 0', ...xmp])
    expect(await probe(dng)).toMatchObject({ kind: 'image', mimeType: 'image/x-adobe-dng', embedded: fromXmp })
    const preview = dir.path('preview.dng')
    await copyFile(dng, preview)
    await tag(preview, ['-SubfileType#=1', ...iim])
    const result = await probe(preview)
    expect(result).toMatchObject({ kind: 'file', embedded: { ...fromXmp } })
  })
})
