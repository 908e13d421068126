import { describe, expect, it } from 'vitest'
import { imageRow, sandboxProject } from '../editing/testing/rows'
import { Session } from '../session/session'
import { TemplateStore } from '../templates/template-store'
import { dispatchCommand } from './dispatch'
import { createAppCore } from './handlers'
import { readOnlyHandlers } from './read-only-handlers'

function core(profileName: string, templates: TemplateStore) {
  const session = new Session({
    rows: [imageRow(1, { metadata: { title: 'Harbour', credit: 'Reuters' } }), imageRow(2), imageRow(3)],
  })
  return createAppCore(
    {
      appInfo: () => ({ version: 't', mode: 'sandbox', profileName, livingdocsUrl: 'http://127.0.0.1' }),
      pickPaths: async () => [],
      emit: () => undefined,
      project: () => sandboxProject,
      templates,
    },
    session,
  )
}

const desk = {
  name: 'AFP desk',
  fields: [
    { field: 'metadata.credit', mode: 'fill-empty' as const, value: 'AFP' },
    { field: 'metadata.title', mode: 'append' as const, value: '(AFP)' },
  ],
}

describe('template commands through dispatch', () => {
  it('saves per profile, applies to rows as one undoable step, renames and deletes', async () => {
    const templates = new TemplateStore()
    const app = core('Sandbox', templates)
    const saved = await dispatchCommand(app.handlers, 'saveTemplate', { template: desk })
    expect(saved).toMatchObject({ ok: true, value: { templates: [desk], problems: [] } })
    const other = core('Production', templates)
    expect(await dispatchCommand(other.handlers, 'listTemplates', undefined)).toMatchObject({
      ok: true,
      value: { templates: [] },
    })

    const applied = await dispatchCommand(app.handlers, 'applyTemplate', {
      name: 'AFP desk',
      rowIds: ['row-1', 'row-2'],
    })
    expect(applied).toMatchObject({
      ok: true,
      value: { changed: 3, rows: 2, label: 'template "AFP desk" on 2 rows', history: { canUndo: true } },
    })
    expect(app.session.getRow('row-1')?.entry?.metadata).toMatchObject({ title: 'Harbour (AFP)', credit: 'Reuters' })
    expect(app.session.getRow('row-2')?.entry?.metadata).toMatchObject({ title: 'Title 2 (AFP)', credit: 'AFP' })
    expect(await dispatchCommand(app.handlers, 'undo', undefined)).toMatchObject({ ok: true, value: { changed: 3 } })
    expect(app.session.getRow('row-1')?.entry?.metadata.title).toBe('Harbour')
    expect(app.session.getRow('row-2')?.entry?.metadata.credit).toBeUndefined()

    const renamed = await dispatchCommand(app.handlers, 'saveTemplate', {
      template: { ...desk, name: 'AFP' },
      previousName: 'AFP desk',
    })
    expect(renamed).toMatchObject({ ok: true, value: { templates: [{ name: 'AFP' }] } })
    expect(await dispatchCommand(app.handlers, 'deleteTemplate', { name: 'AFP' })).toMatchObject({
      ok: true,
      value: { templates: [] },
    })
    app.dispose()
    other.dispose()
  })

  it('says what is wrong: a template gone, a name taken, a payload its schema refuses', async () => {
    const app = core('Sandbox', new TemplateStore())
    expect(await dispatchCommand(app.handlers, 'applyTemplate', { name: 'Gone', rowIds: ['row-1'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-template', message: 'There is no template named "Gone" any more: choose another.' },
    })
    await dispatchCommand(app.handlers, 'saveTemplate', { template: desk })
    await dispatchCommand(app.handlers, 'saveTemplate', { template: { ...desk, name: 'Other' } })
    expect(
      await dispatchCommand(app.handlers, 'saveTemplate', { template: desk, previousName: 'Other' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-template', message: /exists already/ } })
    const refused = await dispatchCommand(app.handlers, 'saveTemplate', {
      template: { name: 'x', fields: [{ field: 'metadata.credit', mode: 'always', value: 'x' }] },
    } as never)
    expect(refused).toMatchObject({ ok: false })
    app.dispose()
  })

  it('a session looked at read-only lists templates but refuses to apply one', async () => {
    const app = core('Sandbox', new TemplateStore())
    await dispatchCommand(app.handlers, 'saveTemplate', { template: desk })
    const guarded = readOnlyHandlers(app.handlers, 'Open in another window.')
    expect(await dispatchCommand(guarded, 'listTemplates', undefined)).toMatchObject({ ok: true })
    expect(await dispatchCommand(guarded, 'applyTemplate', { name: 'AFP desk', rowIds: ['row-1'] })).toMatchObject({
      ok: false,
      error: { code: 'session-read-only' },
    })
    app.dispose()
  })
})
