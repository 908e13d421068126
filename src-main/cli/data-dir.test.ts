import { describe, expect, it } from 'vitest'
import { defaultSandboxDataDir } from './data-dir'

describe('defaultSandboxDataDir', () => {
  it('uses XDG_DATA_HOME when it is an absolute path', () => {
    expect(defaultSandboxDataDir({ XDG_DATA_HOME: '/data' }, '/home/ed')).toBe('/data/media-importer/sandbox')
  })

  it('falls back to a dot folder in home, ignoring a relative XDG_DATA_HOME', () => {
    expect(defaultSandboxDataDir({}, '/home/ed')).toBe('/home/ed/.media-importer/sandbox')
    expect(defaultSandboxDataDir({ XDG_DATA_HOME: 'rel' }, '/home/ed')).toBe('/home/ed/.media-importer/sandbox')
  })
})
