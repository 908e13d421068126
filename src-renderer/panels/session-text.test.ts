import { describe, expect, it } from 'vitest'
import type { WorkspaceSession } from '../../src-main/contract'
import { openElsewhereText, reopenCandidates, sessionCounts, sessionFolders } from './session-text'

const session = (over: Partial<WorkspaceSession>): WorkspaceSession => ({
  id: 'x',
  name: 'shoot',
  named: false,
  folders: ['shoot'],
  profileName: 'Sandbox',
  createdAt: '2026-11-26T10:00:00.000Z',
  updatedAtMs: 0,
  rows: 3,
  imported: 1,
  open: 2,
  failed: 1,
  unfinished: true,
  current: false,
  ...over,
})

describe('session text', () => {
  it('counts files, imported, open and failed', () => {
    expect(sessionCounts(session({}))).toBe('3 files: 1 imported, 2 not imported yet, 1 failed')
    expect(sessionCounts(session({ rows: 1, imported: 1, open: 0, failed: 0 }))).toBe(
      '1 file: 1 imported, 0 not imported yet',
    )
  })

  it('offers unfinished sessions other than the open one and unreadable ones', () => {
    const list = [
      session({ id: 'open', current: true }),
      session({ id: 'a' }),
      session({ id: 'done', unfinished: false }),
      session({ id: 'broken', problem: 'damaged' }),
      session({ id: 'b' }),
      session({ id: 'cli', openElsewhere: 'media-import import, pid 7 on host desk, since 10:02' }),
    ]
    expect(reopenCandidates(list).map((s) => s.id)).toEqual(['a', 'b'])
  })

  it('offers a session once: not again at a later start', () => {
    const list = [session({ id: 'a' }), session({ id: 'b' })]
    expect(reopenCandidates(list, new Set(['a'])).map((s) => s.id)).toEqual(['b'])
  })

  it('says which folders a session holds', () => {
    expect(sessionFolders(session({ folders: [] }))).toBe('No folders added yet')
    expect(sessionFolders(session({ folders: ['shoot'] }))).toBe('From shoot')
    expect(sessionFolders(session({ folders: ['a', 'b'] }))).toBe('From a and b')
    expect(sessionFolders(session({ folders: ['a', 'b', 'c', 'd', 'e'] }))).toBe('From a, b, c and 2 more')
  })

  it('names the process that has a session open', () => {
    expect(openElsewhereText(session({ openElsewhere: 'media-import import, pid 7 on host desk, since 10:02' }))).toBe(
      'Open in another process (media-import import, pid 7 on host desk, since 10:02): wait for it to finish, then try again, or open it read-only to look at it.',
    )
    expect(openElsewhereText(session({}))).toBeUndefined()
  })
})
