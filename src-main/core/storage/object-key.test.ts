import { describe, expect, it } from 'vitest'
import { buildObjectKey, checkPrefix, InvalidKeyError, normaliseExt, publicUrlFor } from './object-key'

const uuid = '0b9f3c1e-8a5d-4f2e-9c6b-1d2e3f4a5b6c'

describe('buildObjectKey', () => {
  it('follows {prefix}{yyyy}/{mm}/{dd}/{uuid}.{ext} in UTC', () => {
    const date = new Date(Date.UTC(2026, 0, 5, 23, 59))
    expect(buildObjectKey({ prefix: 'media/', date, uuid, ext: 'JPG' })).toBe(`media/2026/01/05/${uuid}.jpg`)
  })

  it('works without a prefix and pads month and day', () => {
    const date = new Date(Date.UTC(2027, 8, 9))
    expect(buildObjectKey({ prefix: '', date, uuid, ext: '.mp4' })).toBe(`2027/09/09/${uuid}.mp4`)
  })

  it('refuses prefixes that would start a key with / or v/', () => {
    const date = new Date()
    expect(() => buildObjectKey({ prefix: '/media/', date, uuid, ext: 'jpg' })).toThrow(InvalidKeyError)
    expect(() => buildObjectKey({ prefix: 'v/', date, uuid, ext: 'jpg' })).toThrow(/v\//)
    expect(() => checkPrefix('v')).toThrow(InvalidKeyError)
    expect(() => checkPrefix('video/')).not.toThrow()
    expect(() => checkPrefix('a\\b')).toThrow(InvalidKeyError)
  })
})

describe('normaliseExt', () => {
  it('keeps a plain extension, replaces anything odd with bin', () => {
    expect(normaliseExt('PNG')).toBe('png')
    expect(normaliseExt('')).toBe('bin')
    expect(normaliseExt('tar.gz')).toBe('bin')
    expect(normaliseExt('../x')).toBe('bin')
  })
})

describe('publicUrlFor', () => {
  it('joins base and key with exactly one slash and encodes segments', () => {
    expect(publicUrlFor({ publicUrl: 'https://cdn.example/img/' }, 'a b/c.jpg')).toBe(
      'https://cdn.example/img/a%20b/c.jpg',
    )
    expect(publicUrlFor({ publicUrl: 'http://127.0.0.1:9/bucket' }, `2026/01/01/${uuid}.jpg`)).toBe(
      `http://127.0.0.1:9/bucket/2026/01/01/${uuid}.jpg`,
    )
  })
})
