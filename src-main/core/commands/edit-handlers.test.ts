import { describe, expect, it } from 'vitest'
import { imageRow, sandboxProject } from '../editing/testing/rows'
import { Session } from '../session/session'
import { dispatchCommand } from './dispatch'
import { createAppCore } from './handlers'

function core() {
  const session = new Session({ rows: [imageRow(1), imageRow(2)] })
  return createAppCore(
    {
      appInfo: () => ({ version: 't', mode: 'sandbox', profileName: 'Sandbox', livingdocsUrl: 'http://127.0.0.1' }),
      pickPaths: async () => [],
      emit: () => undefined,
      project: () => sandboxProject,
      defaultSystemName: () => 'dam',
    },
    session,
  )
}

describe('editing commands through dispatch', () => {
  it('edits, validates and undoes through the same table main registers', async () => {
    const app = core()
    const edited = await dispatchCommand(app.handlers, 'editCells', {
      edits: [{ rowId: 'row-1', field: 'metadata.title', value: '' }],
    })
    expect(edited).toMatchObject({ ok: true, value: { changed: 1, history: { canUndo: true } } })
    expect(app.session.getRow('row-1')?.issues).toEqual([
      { field: 'metadata.title', message: 'Title is required.', source: 'client' },
    ])
    await dispatchCommand(app.handlers, 'undo', undefined)
    expect(app.session.getRow('row-1')?.entry?.metadata.title).toBe('Title 1')
    expect(app.session.getRow('row-1')?.issues).toEqual([])
    expect(await dispatchCommand(app.handlers, 'getProject', undefined)).toMatchObject({ ok: true })
    app.dispose()
  })

  it('answers a planning mistake as invalid-argument that says what to fix', async () => {
    const app = core()
    const answer = await dispatchCommand(app.handlers, 'bulkEdit', {
      rowIds: ['row-1'],
      field: 'metadata.title',
      mode: 'replace',
      value: '{filname}',
    })
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/Unknown variable \{filname\}/) },
    })
    app.dispose()
  })

  it('refuses payloads beyond the bounds before anything runs', async () => {
    const app = core()
    const tooMany = await dispatchCommand(app.handlers, 'fillDown', {
      rowIds: ['only-one'],
      fields: ['metadata.title'],
    })
    expect(tooMany).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/rowIds/) },
    })
    const extra = await dispatchCommand(app.handlers, 'undo', { steps: 2 })
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    const huge = await dispatchCommand(app.handlers, 'editCells', {
      edits: [{ rowId: 'row-1', field: 'metadata.title', value: 'x'.repeat(100_001) }],
    })
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    app.dispose()
  })
})
