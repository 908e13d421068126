import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { exifDate, iimDate, xmpDate } from './dates'
import { readExifTags } from './exif-tags'
import { degreesNorthEast, iso6709, xmpCoordinate } from './gps'
import { IIM, readIim } from './iptc-iim'
import { readJpegHeader } from './jpeg-segments'
import { iptcFromResources, readImageResources } from './photoshop-irb'

const dataset = (record: number, number: number, value: Buffer | string) => {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value
  return Buffer.concat([Buffer.from([0x1c, record, number, bytes.length >> 8, bytes.length & 0xff]), bytes])
}
const resource = (id: number, data: Buffer) => {
  const header = Buffer.from([0x38, 0x42, 0x49, 0x4d, id >> 8, id & 0xff, 0, 0, 0, 0, 0, 0])
  header.writeUInt32BE(data.length, 8)
  return Buffer.concat([header, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)])
}

describe('IPTC-IIM and Photoshop resources', () => {
  it('reads repeatable datasets, declared UTF-8 and undeclared Latin-1', () => {
    const utf8 = Buffer.concat([
      dataset(1, 90, Buffer.from([0x1b, 0x25, 0x47])),
      dataset(2, 25, 'Zürich'),
      dataset(2, 25, 'Genève'),
    ])
    expect(readIim(utf8).get(IIM.keywords)).toEqual(['Zürich', 'Genève'])
    const latin1 = dataset(2, 80, Buffer.from('Müller', 'latin1'))
    expect(readIim(latin1).get(IIM.byline)).toEqual(['Müller'])
  })

  it('tells whether the stored digest still matches the IIM', () => {
    const iim = dataset(2, 5, 'Title')
    const digest = createHash('md5').update(iim).digest()
    const inSync = Buffer.concat([resource(0x0404, iim), resource(0x0425, digest)])
    expect(iptcFromResources(inSync)?.editedWithoutXmp).toBe(false)
    const edited = Buffer.concat([resource(0x0404, dataset(2, 5, 'Changed')), resource(0x0425, digest)])
    expect(iptcFromResources(edited)?.editedWithoutXmp).toBe(true)
    expect(readImageResources(Buffer.from('garbage that is not 8BIM')).size).toBe(0)
  })
})

describe('EXIF from TIFF', () => {
  it('reads little-endian tags, GPS in the southern and western hemispheres, altitude below sea level', async () => {
    // II*, IFD0 at 8 with Orientation=3 and a GPS IFD pointer.
    const t = Buffer.alloc(200)
    t.write('II', 0, 'latin1')
    t.writeUInt16LE(42, 2)
    t.writeUInt32LE(8, 4)
    t.writeUInt16LE(2, 8)
    const entry = (at: number, tag: number, type: number, count: number, value: number) => {
      t.writeUInt16LE(tag, at)
      t.writeUInt16LE(type, at + 2)
      t.writeUInt32LE(count, at + 4)
      t.writeUInt32LE(value, at + 8)
    }
    entry(10, 0x0112, 3, 1, 3)
    entry(22, 0x8825, 4, 1, 40)
    t.writeUInt16LE(5, 40)
    entry(42, 0x0001, 2, 2, 0x53) // "S"
    entry(54, 0x0002, 5, 3, 120)
    entry(66, 0x0003, 2, 2, 0x57) // "W"
    entry(78, 0x0004, 5, 3, 144)
    entry(90, 0x0005, 1, 1, 1)
    ;[33, 1, 52, 1, 0, 1].forEach((v, i) => t.writeUInt32LE(v, 120 + i * 4))
    ;[70, 1, 30, 1, 0, 1].forEach((v, i) => t.writeUInt32LE(v, 144 + i * 4))
    const tags = await readExifTags(t)
    expect(tags.orientation).toBe(3)
    expect(tags.latitude).toBeCloseTo(-33.8667, 4)
    expect(tags.longitude).toBeCloseTo(-70.5, 4)
    expect(await readExifTags(Buffer.from('MM\0*\0\0\xff\xff', 'latin1'))).toEqual({})
  })
})

describe('JPEG header', () => {
  it('asks for more bytes when the header runs past the head, and calls a header cut at the end truncated', () => {
    const soi = Buffer.from([0xff, 0xd8])
    const app = Buffer.concat([Buffer.from([0xff, 0xe1, 0x01, 0x00]), Buffer.alloc(254)])
    const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x10, 0x00, 0x20, 0x01, 0x01, 0x11, 0x00])
    const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00])
    const whole = Buffer.concat([soi, app, sof, sos])
    expect(readJpegHeader(whole.subarray(0, 100), whole.length + 1000).needBytes).toBeGreaterThan(100)
    expect(readJpegHeader(whole, whole.length)).toMatchObject({ width: 32, height: 16 })
    expect(readJpegHeader(whole.subarray(0, 100), 100).problem).toMatch(/^truncated/)
    expect(readJpegHeader(Buffer.from('GIF89a'), 6).problem).toMatch(/not a JPEG/)
  })
})

describe('dates and places', () => {
  it.each([
    [exifDate('2024:05:06 07:08:09'), '2024-05-06T07:08:09'],
    [exifDate('2024:05:06 07:08:09', '5', '-03:00'), '2024-05-06T07:08:09.5-03:00'],
    [exifDate('0000:00:00 00:00:00'), undefined],
    [iimDate('20240506', '070809+0200'), '2024-05-06T07:08:09+02:00'],
    [iimDate('20240506', undefined), '2024-05-06'],
    [xmpDate('2024-05-06T07:08'), '2024-05-06T07:08:00'],
    [xmpDate('2024'), '2024'],
    [xmpDate('yesterday'), undefined],
  ])('%s -> %s', (actual, expected) => {
    expect(actual).toBe(expected)
  })

  it('reads XMP, ISO 6709 and MediaInfo coordinates, and refuses null island', () => {
    expect(xmpCoordinate('47,22,12N')).toBeCloseTo(47.37, 5)
    expect(iso6709('+47.37+008.54+400/')).toEqual({ latitude: 47.37, longitude: 8.54, altitude: 400 })
    expect(degreesNorthEast('33.5°S 70.25°W')).toEqual({ latitude: -33.5, longitude: -70.25 })
    expect(iso6709('+00.0000+000.0000/')).toBeUndefined()
  })
})
