import { describe, expect, it } from 'vitest'
import type { AppInfo, FolderListing } from '../../contract'
import { dispatchCommand } from './dispatch'
import { createAppCore, type HostDeps } from './handlers'

const appInfo: AppInfo = { version: 't', mode: 'sandbox', profileName: 'Sandbox', livingdocsUrl: '' }
const host = (extra: Partial<HostDeps> = {}): HostDeps => ({
  appInfo: () => appInfo,
  pickPaths: async () => [],
  emit: () => undefined,
  ...extra,
})

describe('listFolders (the browser folder chooser)', () => {
  it('is refused where the host gives no chooser (the Electron window has the system picker)', async () => {
    const { handlers } = createAppCore(host())
    expect(await dispatchCommand(handlers, 'listFolders', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('Choose folders') },
    })
  })

  it('asks the host for the folder, after the schema let it through', async () => {
    const asked: Array<string | undefined> = []
    const listing: FolderListing = { path: '/photos', parent: '/', folders: [], truncated: false }
    const { handlers } = createAppCore(
      host({
        listFolders: async (path) => {
          asked.push(path)
          return listing
        },
      }),
    )
    expect(await dispatchCommand(handlers, 'listFolders', {})).toEqual({ ok: true, value: listing })
    expect(await dispatchCommand(handlers, 'listFolders', { path: '/photos' })).toEqual({ ok: true, value: listing })
    for (const bad of [{ path: 'photos' }, { path: '/a\0b' }, { path: '/x', extra: 1 }, undefined]) {
      expect(await dispatchCommand(handlers, 'listFolders', bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      })
    }
    expect(asked).toEqual([undefined, '/photos'])
  })
})
