/**
 * Office documents become file entries; their own properties (OOXML `docProps/core.xml`, ODF
 * `meta.xml`) give the row its title, description, creator and keywords, as exiftool reads
 * them from the same file. The ZIPs are written by Python's zipfile with the parts as Word and
 * LibreOffice write them; exiftool reads them with Archive::Zip (Debian libarchive-zip-perl).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exiftoolReads, makeZip, truncateTo } from './fixtures/generate'
import { probe, tempDir, type TempDir } from './testing/probe-helpers'

let dir: TempDir
beforeAll(async () => {
  dir = await tempDir('office-metadata')
})
afterAll(async () => dir.remove())

const ns = {
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
}

/** docProps/core.xml as Word 2016+ writes it. */
function coreXml(fields: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    `<cp:coreProperties xmlns:cp="${ns.cp}" xmlns:dc="${ns.dc}" xmlns:dcterms="${ns.dcterms}" ` +
    `xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="${ns.xsi}">${fields}` +
    '<cp:lastModifiedBy>Desk editor</cp:lastModifiedBy>' +
    '<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-06T07:08:09Z</dcterms:created></cp:coreProperties>'
  )
}

const wordFields =
  '<dc:title>Harbour &amp; boats</dc:title><dc:subject>Port report</dc:subject>' +
  '<dc:creator>Anna Muster</dc:creator><cp:keywords>harbour, boats; dawn</cp:keywords>' +
  '<dc:description>Boats leaving at dawn</dc:description>'

/** The package's other parts, enough for file-type (and Word) to know which application it is. */
function ooxml(main: string, contentType: string): { name: string; text: string }[] {
  const types =
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    `<Override PartName="/${main}" ContentType="application/vnd.${contentType.startsWith('ms-') ? '' : 'openxmlformats-officedocument.'}${contentType}.main+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'
  return [
    { name: '[Content_Types].xml', text: types },
    { name: main, text: '<?xml version="1.0"?><root/>' },
  ]
}

const list = (v: unknown): string[] => String(v ?? '').split(/\s*[,;]\s*/)

/**
 * Ours equal exiftool's reading of the same file, the author as `creatorTag` names it there;
 * `keywords` where exiftool shows only part of them (the first of ODF's repeated elements).
 */
async function sameAsExiftool(path: string, creatorTag: string, keywords?: string[]): Promise<void> {
  const theirs = await exiftoolReads(path, ['MIMEType', 'Title', 'Description', creatorTag, 'Keywords'])
  const result = await probe(path)
  // MIME types are case-insensitive (RFC 2045 §5.1): file-type writes macroenabled, exiftool macroEnabled.
  expect(result).toMatchObject({ kind: 'file', warnings: [] })
  expect(result.mimeType?.toLowerCase()).toBe(String(theirs.MIMEType).toLowerCase())
  expect(result.embedded).toEqual({
    title: theirs.Title,
    description: theirs.Description,
    creator: theirs[creatorTag],
    keywords: keywords ?? list(theirs.Keywords),
  })
}

describe('Office documents (OOXML core properties)', () => {
  it.each([
    ['report.docx', 'word/document.xml', 'wordprocessingml.document'],
    ['budget.xlsx', 'xl/workbook.xml', 'spreadsheetml.sheet'],
    ['slides.pptx', 'ppt/presentation.xml', 'presentationml.presentation'],
    ['macros.docm', 'word/document.xml', 'ms-word.document.macroEnabled'],
  ])('%s: title, description, creator and keywords, as exiftool reads them', async (name, main, type) => {
    const path = await makeZip(dir.path(name), [
      ...ooxml(main, type),
      { name: 'docProps/core.xml', text: coreXml(wordFields) },
    ])
    await sameAsExiftool(path, 'Creator')
  })

  it("Word's Subject is the caption when its Comments field is empty; per-language keywords are listed", async () => {
    const fields =
      '<dc:title>Budget</dc:title><dc:subject>Spending plan 2025</dc:subject>' +
      '<cp:keywords><cp:value xml:lang="en">budget</cp:value><cp:value xml:lang="de">Haushalt</cp:value></cp:keywords>'
    const path = await makeZip(
      dir.path('subject.docx'),
      [
        ...ooxml('word/document.xml', 'wordprocessingml.document'),
        { name: 'docProps/core.xml', text: coreXml(fields) },
      ],
      // An archive comment: the end record is then not the last 22 bytes.
      'Written by the newsroom archive '.repeat(40),
    )
    expect((await probe(path)).embedded).toEqual({
      title: 'Budget',
      description: 'Spending plan 2025',
      keywords: ['budget', 'Haushalt'],
    })
  })
})

describe('OpenDocument (meta.xml)', () => {
  const meta =
    '<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">' +
    '<office:meta><meta:initial-creator>Anna Muster</meta:initial-creator><dc:creator>Desk editor</dc:creator>' +
    '<dc:title>Zürich, Bahnhofstrasse</dc:title><dc:subject>Street scenes</dc:subject>' +
    '<dc:description>Trams at noon</dc:description><meta:keyword>tram</meta:keyword><meta:keyword>city</meta:keyword>' +
    '</office:meta></office:document-meta>'

  it.each([
    ['notes.odt', 'application/vnd.oasis.opendocument.text'],
    ['figures.ods', 'application/vnd.oasis.opendocument.spreadsheet'],
  ])('%s: title, description, author (initial creator) and keywords, as exiftool reads them', async (name, mime) => {
    const path = await makeZip(dir.path(name), [
      { name: 'mimetype', text: mime, stored: true },
      { name: 'content.xml', text: '<?xml version="1.0"?><office:document-content/>' },
      { name: 'meta.xml', text: meta },
    ])
    expect(list((await exiftoolReads(path, ['Keyword'])).Keyword)[0]).toBe('tram')
    await sameAsExiftool(path, 'Initial-creator', ['tram', 'city'])
  })
})

describe('bounded and tolerant', () => {
  const docx = (core: { text: string; repeat?: number }) => [
    ...ooxml('word/document.xml', 'wordprocessingml.document'),
    { name: 'docProps/core.xml', ...core },
  ]

  it('a properties part that unpacks to 64 MB (a ZIP bomb) is not unpacked; the file still imports', async () => {
    const path = await makeZip(dir.path('bomb.docx'), docx({ text: ' '.repeat(1 << 16), repeat: 1024 }))
    expect((await readFile(path)).length).toBeLessThan(200_000)
    const result = await probe(path)
    expect(result).toMatchObject({ kind: 'file', warnings: [] })
    expect(result.embedded).toBeUndefined()
    expect(result.error).toBeUndefined()

    // The same part with a directory that claims it unpacks to 1 KB: unpacking stops at the bound.
    const bytes = Buffer.from(await readFile(path))
    const entry = bytes.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'))
    expect(bytes.toString('latin1', entry + 46, entry + 46 + 17)).toBe('docProps/core.xml')
    bytes.writeUInt32LE(1024, entry + 24)
    await writeFile(dir.path('liar.docx'), bytes)
    const liar = await probe(dir.path('liar.docx'))
    expect(liar.embedded).toBeUndefined()
    expect(liar.error).toBeUndefined()
  })

  it('a document without properties, or cut short, has none and no error', async () => {
    const bare = await makeZip(dir.path('bare.docx'), ooxml('word/document.xml', 'wordprocessingml.document'))
    expect(await probe(bare)).toMatchObject({ kind: 'file', warnings: [] })
    expect((await probe(bare)).embedded).toBeUndefined()
    const whole = await makeZip(dir.path('whole.docx'), docx({ text: coreXml(wordFields) }))
    const cut = await probe(await truncateTo(whole, (await readFile(whole)).length - 60, dir.path('cut.docx')))
    expect(cut.embedded).toBeUndefined()
    expect(cut.error).toBeUndefined()
  })
})
