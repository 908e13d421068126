import { describe, expect, it } from 'vitest'
import { editorUrlFor, isOpenableUrl } from './editor-link'

describe('editor links', () => {
  const template = 'https://edit.example.com/p/news/media-library/{mediaId}'

  it('puts the media id, URL-encoded, where the template says', () => {
    expect(editorUrlFor(template, 'abc-123')).toBe('https://edit.example.com/p/news/media-library/abc-123')
    expect(editorUrlFor(template, 'a/../b?x')).toBe('https://edit.example.com/p/news/media-library/a%2F..%2Fb%3Fx')
    expect(editorUrlFor('http://127.0.0.1:4000/e/{mediaId}?open={mediaId}', 'x1')).toBe(
      'http://127.0.0.1:4000/e/x1?open=x1',
    )
  })

  it('gives nothing for templates that are no http(s) URL or lack the placeholder', () => {
    expect(editorUrlFor('javascript:alert({mediaId})', 'x')).toBeUndefined()
    expect(editorUrlFor('file:///etc/{mediaId}', 'x')).toBeUndefined()
    expect(editorUrlFor('https://edit.example.com/fixed', 'x')).toBeUndefined()
    expect(editorUrlFor(template, '')).toBeUndefined()
  })

  it('opens only http(s) without credentials', () => {
    expect(isOpenableUrl('https://edit.example.com/x')).toBe(true)
    expect(isOpenableUrl('http://127.0.0.1:1/x')).toBe(true)
    expect(isOpenableUrl('https://user:pw@edit.example.com/x')).toBe(false)
    expect(isOpenableUrl('mailto:a@b.c')).toBe(false)
    expect(isOpenableUrl('not a url')).toBe(false)
  })
})
