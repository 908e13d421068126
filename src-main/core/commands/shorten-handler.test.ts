/**
 * "Shorten" through the handler table, as the window sends it: the argument is checked by its
 * zod schema (at least one row id, nothing else), the too-long title is cut, the answer names
 * each row, and Undo brings the text back (the shortening is an edit).
 */
import { describe, expect, it } from 'vitest'
import { imageRow, sandboxProject } from '../editing/testing/rows'
import { dispatchCommand } from './dispatch'
import { createAppCore } from './handlers'

const appInfo = () => ({ version: '0', mode: 'sandbox' as const, profileName: 'Sandbox', livingdocsUrl: 'x' })
const long = `${'Harbour cranes at dawn '.repeat(10)}end`

describe('shortenValues', () => {
  it('refuses a malformed argument, shortens what is too long, and is undone like an edit', async () => {
    const core = createAppCore({ appInfo, pickPaths: async () => [], emit: () => {}, project: () => sandboxProject })
    try {
      core.session.upsertRows([imageRow(1, { metadata: { title: long } }), imageRow(2)])
      for (const bad of [{ rowIds: [] }, { rowIds: ['row-1'], fields: ['metadata.title'] }, undefined]) {
        const answer = await dispatchCommand(core.handlers, 'shortenValues', bad)
        expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
      }

      const answer = await dispatchCommand(core.handlers, 'shortenValues', { rowIds: ['row-1', 'row-2'] })
      expect(answer).toMatchObject({
        ok: true,
        value: {
          done: 1,
          refused: 1,
          rows: [
            { rowId: 'row-1', done: true, message: 'Reportage/IMG_0001.jpg: Title shortened to fit.' },
            {
              rowId: 'row-2',
              done: false,
              message: 'Reportage/IMG_0002.jpg has no value longer than its field allows.',
            },
          ],
        },
      })
      const title = core.session.getRow('row-1')?.entry?.metadata.title as string
      expect([...title].length).toBeLessThanOrEqual(200)
      expect(core.session.getRow('row-1')?.shortened?.['metadata.title']).toEqual({ value: title, from: long.length })

      expect(await dispatchCommand(core.handlers, 'undo', undefined)).toMatchObject({ ok: true })
      expect(core.session.getRow('row-1')?.entry?.metadata.title).toBe(long)
    } finally {
      core.dispose()
    }
  })
})
