import { describe, expect, it } from 'vitest'
import { imageRow, sandboxProject } from '../editing/testing/rows'
import { Session } from '../session/session'
import { dispatchCommand } from './dispatch'
import { createAppCore, type HostDeps } from './handlers'

function core(more: Partial<HostDeps> = {}) {
  const session = new Session({
    rows: [imageRow(1), imageRow(2, {}, { status: 'imported', result: { mediaId: 'm-2', record: {} } })],
  })
  return createAppCore(
    {
      appInfo: () => ({ version: 't', mode: 'sandbox', profileName: 'Sandbox', livingdocsUrl: 'http://127.0.0.1' }),
      pickPaths: async () => [],
      emit: () => undefined,
      project: () => sandboxProject,
      ...more,
    },
    session,
  )
}

// Row 2 is imported: its title is a correction (sent by PATCH on submit), its translation refuses.
const csv = 'relativePath,title,title.fr\nReportage/IMG_0001.jpg,Harbour,Port\nReportage/IMG_0002.jpg,Late,Tard\n'

describe('metadata CSV and results export commands', () => {
  it('previews without changing anything, then applies as one undoable step', async () => {
    const app = core()
    const preview = await dispatchCommand(app.handlers, 'previewMetadataCsv', { text: csv })
    expect(preview).toMatchObject({ ok: true, value: { matched: 2, changeCount: 3, refusedCount: 1 } })
    expect(app.session.getRow('row-1')?.entry?.metadata.title).toBe('Title 1')
    const applied = await dispatchCommand(app.handlers, 'applyMetadataCsv', { text: csv })
    expect(applied).toMatchObject({ ok: true, value: { changed: 3, refusedCount: 1 } })
    expect(app.session.getRow('row-2')?.entry?.metadata.title).toBe('Late')
    expect(app.session.getRow('row-1')?.entry?.translations.fr?.metadata.title).toBe('Port')
    await dispatchCommand(app.handlers, 'undo', undefined)
    expect(app.session.getRow('row-1')?.entry).toMatchObject({ metadata: { title: 'Title 1' }, translations: {} })
    const broken = await dispatchCommand(app.handlers, 'previewMetadataCsv', { text: 'relativePath;title\nx;y' })
    expect(broken).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/";"/) },
    })
    app.dispose()
  })

  it('exports to the file the editor chose, says when they cancelled, and hands the text back without a dialog', async () => {
    const written: string[] = []
    const withDialog = core({ saveFile: async (name, content) => (written.push(content), `/home/ed/${name}`) })
    const saved = await dispatchCommand(withDialog.handlers, 'exportResults', { format: 'csv' })
    expect(saved).toMatchObject({
      ok: true,
      value: { saved: 'file', path: expect.stringMatching(/^\/home\/ed\/media-import-results-.*\.csv$/), records: 2 },
    })
    expect(written[0]).toContain('Reportage/IMG_0002.jpg,entry-2,m-2,imported,')
    const cancelled = core({ saveFile: async () => null })
    expect(await dispatchCommand(cancelled.handlers, 'exportResults', { format: 'json' })).toMatchObject({
      ok: true,
      value: { saved: 'cancelled' },
    })
    const browser = core()
    const download = await dispatchCommand(browser.handlers, 'exportResults', { format: 'json' })
    expect(download.ok && download.value).toMatchObject({
      saved: 'download',
      fileName: expect.stringMatching(/\.json$/),
    })
    const content = download.ok ? (download.value as { content: string }).content : ''
    expect(JSON.parse(content)).toEqual([
      expect.objectContaining({ path: 'Reportage/IMG_0001.jpg', mediaId: null, status: 'uploaded' }),
      expect.objectContaining({ path: 'Reportage/IMG_0002.jpg', mediaId: 'm-2' }),
    ])
    for (const app of [withDialog, cancelled, browser]) app.dispose()
  })
})
