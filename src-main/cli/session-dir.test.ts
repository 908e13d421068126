import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkSessionFolder, defaultSessionsDir, newSessionName } from './session-dir'

describe('session folders', () => {
  it('live beside the Sandbox data, one per run, named by start time', () => {
    expect(defaultSessionsDir({ XDG_DATA_HOME: '/data' }, '/home/ed')).toBe('/data/media-importer/sessions')
    expect(defaultSessionsDir({}, '/home/ed')).toBe('/home/ed/.media-importer/sessions')
    expect(newSessionName(new Date(2026, 0, 31, 14, 25, 1), 'ab12')).toBe('20260131-142501-ab12')
  })

  it('refuses a folder that holds something other than a session', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'session-dir-'))
    try {
      await expect(checkSessionFolder(join(dir, 'new'))).resolves.toBeUndefined()
      await expect(checkSessionFolder(dir)).resolves.toBeUndefined()
      await writeFile(join(dir, 'photo.jpg'), 'x')
      await expect(checkSessionFolder(dir)).rejects.toThrow(/not a session folder/)
      await writeFile(join(dir, 'session.json'), '{}')
      await expect(checkSessionFolder(dir)).resolves.toBeUndefined()
      await expect(checkSessionFolder(join(dir, 'photo.jpg'))).rejects.toThrow(/is a file/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
