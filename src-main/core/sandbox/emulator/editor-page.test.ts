import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { editorPageId } from './editor-page'
import { call, imageEntry, startTestEmulator, type TestEmulator } from './testing'

let emulator: TestEmulator
beforeAll(async () => {
  emulator = await startTestEmulator()
})
afterAll(() => emulator.dispose())

describe('the Sandbox editor page', () => {
  it('reads the entry id from the path only', () => {
    expect(editorPageId('/editor/media-library/abc-1')).toBe('abc-1')
    expect(editorPageId('/editor/media-library/a%20b')).toBe('a b')
    expect(editorPageId('/editor/media-library/')).toBeUndefined()
    expect(editorPageId('/editor/media-library/a/b')).toBeUndefined()
    expect(editorPageId('/api/2026-07/mediaLibrary/abc')).toBeUndefined()
  })

  it('serves a read-only page per stored entry, escaped, without a token; 404 for others', async () => {
    const stored = await call(
      emulator,
      'POST',
      'import/mediaLibrary',
      JSON.stringify({
        mediaLibraryEntries: [imageEntry('page-1', { metadata: { title: 'Harbour <b>at</b> dawn' } })],
      }),
    )
    expect(stored.status).toBe(200)
    const page = await fetch(`${emulator.url}/editor/media-library/page-1`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await page.text()
    expect(html).toContain('<h1>Harbour &lt;b&gt;at&lt;/b&gt; dawn</h1>')
    expect(html).toContain('<td>page-1</td>')
    expect(html).not.toContain('<script')

    const missing = await fetch(`${emulator.url}/editor/media-library/nope`)
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('no entry with id <code>nope</code>')
    // Read-only: nothing but GET is an editor page.
    expect((await fetch(`${emulator.url}/editor/media-library/page-1`, { method: 'POST' })).status).toBe(404)
    expect(emulator.requests.count('GET editor page')).toBe(2)
  })
})
