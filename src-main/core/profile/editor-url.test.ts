/** The profile's optional `livingdocs.editorUrl`: an http(s) template with `{mediaId}`, carried to the resolved profile. */
import { describe, expect, it } from 'vitest'
import type { ProfileError } from './profile-issues'
import { parseProfile, resolveProfile } from './resolve-profile'

const profile = (editorUrl?: unknown) => ({
  name: 'Staging',
  livingdocs: {
    url: 'https://server.example.com',
    apiVersion: 'auto',
    tokenEnv: 'LIVINGDOCS_TOKEN',
    ...(editorUrl === undefined ? {} : { editorUrl }),
  },
  storage: {
    region: 'eu-central-1',
    image: { bucket: 'i', publicUrl: 'https://i.example.com' },
    video: { bucket: 'v', publicUrl: 'https://v.example.com' },
    file: { bucket: 'f', publicUrl: 'https://f.example.com' },
  },
  import: { systemName: 'archive' },
})

function issues(value: unknown): string[] {
  try {
    parseProfile(profile(value))
  } catch (err) {
    return (err as ProfileError).issues.map((i) => `${i.path}: ${i.message}`)
  }
  return []
}

describe('livingdocs.editorUrl', () => {
  it('is optional and reaches the resolved profile when set', () => {
    const env = { LIVINGDOCS_TOKEN: 't' }
    expect(resolveProfile(profile(), env).livingdocs.editorUrl).toBeUndefined()
    const template = 'https://edit.example.com/p/news/media-library/{mediaId}'
    expect(resolveProfile(profile(template), env).livingdocs.editorUrl).toBe(template)
  })

  it('must be an http(s) URL with {mediaId}', () => {
    expect(issues('https://edit.example.com/p/news/media-library')).toEqual([
      'livingdocs.editorUrl: must contain {mediaId} where the entry id goes',
    ])
    expect(issues('javascript:open({mediaId})')).toEqual([
      expect.stringMatching(/^livingdocs\.editorUrl: expected an http\(s\) URL with \{mediaId\}/),
    ])
    expect(issues('http://127.0.0.1:4100/editor/media-library/{mediaId}')).toEqual([])
  })
})
