import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { fixture } from '../testing/probe-helpers'
import { readEmbedded } from './embedded'
import { IIM } from './iptc-iim'
import { readJpegHeader } from './jpeg-segments'
import { reconcile } from './mwg'
import { readXmp } from './xmp-packet'

async function embeddedOf(name: string) {
  const bytes = await readFile(fixture(name))
  const header = readJpegHeader(bytes, bytes.length)
  return (await readEmbedded({ exif: header.exif, xmp: header.xmp, iptc: header.irb })).embedded
}

const xmp = (body: string) =>
  readXmp(
    Buffer.from(
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
        `<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">${body}</rdf:Description></rdf:RDF></x:xmpmeta>`,
    ),
  )

describe('MWG reconciliation', () => {
  it('prefers XMP when the stored IPTC digest matches the IIM', async () => {
    expect(await embeddedOf('mwg-in-sync.jpg')).toMatchObject({
      title: 'Title from XMP',
      description: 'Caption from XMP',
      credit: 'Credit from XMP',
      keywords: ['xmp-keyword'],
    })
  })

  it('prefers the IIM when a program that ignores XMP edited it last (digest mismatch)', async () => {
    expect(await embeddedOf('mwg-iim-edited.jpg')).toMatchObject({
      title: 'Title from IIM',
      description: 'Caption from IIM',
      credit: 'Credit from IIM',
      keywords: ['iim-keyword'],
    })
  })

  it('lets a non-blank EXIF value win for description, creator, copyright and date taken', async () => {
    const embedded = await embeddedOf('mwg-exif-wins.jpg')
    expect(embedded).toMatchObject({
      title: 'Zürich, Bahnhofstrasse',
      description: 'Caption from EXIF',
      creator: 'Creator from EXIF',
      copyright: '(c) EXIF',
      dateTaken: '2024-05-06T07:08:09.25+02:00',
    })
    expect(embedded.gps?.latitude).toBeCloseTo(47.3769, 4)
    expect(embedded.gps?.longitude).toBeCloseTo(8.5417, 4)
  })

  it('prefers XMP when no digest is stored at all', () => {
    const iim = new Map([[IIM.objectName, ['iim']]])
    expect(
      reconcile({ xmp: xmp('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">xmp</rdf:li></rdf:Alt></dc:title>'), iim })
        .title,
    ).toBe('xmp')
  })

  it('drops a field the newer IIM removed, but keeps XMP where the IIM value only truncates it', () => {
    const long = 'A'.repeat(40)
    const sources = {
      xmp: xmp(
        `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">gone</rdf:li></rdf:Alt></dc:title><photoshop:Headline>${long}</photoshop:Headline>`,
      ),
      iim: new Map([[IIM.headline, [long.slice(0, 32)]]]),
      iimEditedWithoutXmp: true,
    }
    const out = reconcile(sources)
    expect(out.title).toBeUndefined()
    expect(out.more?.headline).toBe(long)
  })

  it('ignores camera placeholders in EXIF ImageDescription', () => {
    const out = reconcile({
      exif: { imageDescription: 'OLYMPUS DIGITAL CAMERA' },
      iim: new Map([[IIM.caption, ['Real caption']]]),
    })
    expect(out.description).toBe('Real caption')
  })

  it('joins several creators with "; " and falls back to XMP GPS', () => {
    const out = reconcile({
      xmp: xmp(
        '<dc:creator><rdf:Seq><rdf:li>Ann</rdf:li><rdf:li>Bob &amp; Co</rdf:li></rdf:Seq></dc:creator>' +
          '<exif:GPSLatitude xmlns:exif="http://ns.adobe.com/exif/1.0/">47,22.2N</exif:GPSLatitude>' +
          '<exif:GPSLongitude xmlns:exif="http://ns.adobe.com/exif/1.0/">8,32.4W</exif:GPSLongitude>',
      ),
    })
    expect(out.creator).toBe('Ann; Bob & Co')
    expect(out.gps).toEqual({ latitude: 47.37, longitude: -8.54 })
  })

  it('builds the date taken from IIM date and time when nothing else has one', () => {
    const iim = new Map([
      [IIM.dateCreated, ['20230102']],
      [IIM.timeCreated, ['101112+0100']],
    ])
    expect(reconcile({ iim }).dateTaken).toBe('2023-01-02T10:11:12+01:00')
  })
})
