import { afterEach, describe, expect, it } from 'vitest'
import type { SessionPatch } from '../model/session-shapes'
import type { Row } from '../model/row'
import { Session } from '../session/session'
import { RowValidator } from './row-validator'
import { SessionEditor } from './session-editor'
import { imageRow, sandboxProject } from './testing/rows'

let validator: RowValidator | undefined
afterEach(() => validator?.dispose())

function setup(rows: Row[]) {
  const session = new Session({ flushMs: 10_000, rows })
  validator = new RowValidator(session, { project: () => sandboxProject, defaultSystemName: () => 'dam' })
  const editor = new SessionEditor(session, () => sandboxProject)
  const patches: SessionPatch[] = []
  session.onPatch((p) => patches.push(p))
  const issues = (rowId: string) => (session.getRow(rowId)?.issues ?? []).map((i) => `${i.field}: ${i.message}`)
  return { session, editor, patches, issues }
}

describe('SessionEditor', () => {
  it('applies an edit, validates the row again and sends the changed row at once', () => {
    const { session, editor, patches, issues } = setup([imageRow(1), imageRow(2)])
    expect(issues('row-1')).toEqual([])
    const outcome = editor.editCells([{ rowId: 'row-1', field: 'metadata.title', value: '' }])
    expect(outcome).toMatchObject({ changed: 1, rows: 1, refusedCount: 0, history: { canUndo: true } })
    expect(session.getRow('row-1')?.entry?.metadata.title).toBeUndefined()
    expect(issues('row-1')).toEqual(['metadata.title: Title is required.'])
    // Flushed by the edit itself (flushMs is 10 s here), with only the row that changed.
    expect(patches.at(-1)?.upsert.map((r) => r.rowId)).toEqual(['row-1'])
  })

  it('marks both rows of a duplicate externalId, and frees the other when one changes', () => {
    const { editor, issues } = setup([imageRow(1), imageRow(2), imageRow(3)])
    editor.bulkEdit(['row-1', 'row-2'], 'externalId', 'replace', 'same')
    expect(issues('row-2')).toEqual([
      expect.stringMatching(/^externalId: externalId "same" \(systemName "dam"\) is also used by 1 other/),
    ])
    expect(issues('row-1')).toHaveLength(1)
    editor.editCells([{ rowId: 'row-1', field: 'externalId', value: 'other' }])
    expect(issues('row-1')).toEqual([])
    expect(issues('row-2')).toEqual([])
  })

  it('undoes and redoes whole steps, whatever happened to the view', () => {
    const { session, editor } = setup([imageRow(1), imageRow(2)])
    editor.paste(['row-1', 'row-2'], ['metadata.title', 'metadata.credit'], 'A\tAFP\nB\tReuters\n')
    editor.editCells([{ rowId: 'row-2', field: 'metadata.title', value: 'B2' }])
    const title = (id: string) => session.getRow(id)?.entry?.metadata.title
    expect(editor.undo()).toMatchObject({ changed: 1, label: 'edit of metadata.title', history: { canRedo: true } })
    expect(title('row-2')).toBe('B')
    expect(editor.undo()).toMatchObject({ changed: 4, label: 'paste of 4 cells', history: { canUndo: false } })
    expect([title('row-1'), title('row-2'), session.getRow('row-2')?.entry?.metadata.credit]).toEqual([
      'Title 1',
      'Title 2',
      undefined,
    ])
    expect(editor.redo()).toMatchObject({ changed: 4 })
    expect(editor.redo()).toMatchObject({
      changed: 1,
      history: { canRedo: false, undoLabel: 'edit of metadata.title' },
    })
    expect(title('row-2')).toBe('B2')
    expect(editor.redo()).toMatchObject({ changed: 0 })
  })

  it("undo leaves an imported row's translation alone and says so (only metadata can be corrected)", () => {
    const { session, editor } = setup([imageRow(1), imageRow(2)])
    editor.bulkEdit(['row-1', 'row-2'], 'translations.fr.metadata.title', 'replace', 'Port')
    session.updateRow('row-1', { status: 'imported', result: { mediaId: 'm-1', record: {} } })
    const undone = editor.undo()
    expect(undone).toMatchObject({ changed: 1, refusedCount: 1, refused: [{ rowId: 'row-1' }] })
    expect(session.getRow('row-1')?.entry?.translations.fr?.metadata.title).toBe('Port')
    expect(session.getRow('row-2')?.entry?.translations.fr?.metadata.title).toBeUndefined()
  })

  it('drops what the server said about a field once the editor changes that field', () => {
    const rejected = imageRow(
      1,
      { metadata: { title: 'T', rating: 3 } },
      {
        status: 'rejected',
        submitAttempts: 1,
        issues: [
          { field: 'metadata.rating', message: 'must be string', source: 'server' },
          { field: 'translations.fr', message: 'locale refused', source: 'server' },
        ],
      },
    )
    const { editor, issues } = setup([rejected])
    expect(issues('row-1')).toEqual(['metadata.rating: must be string', 'translations.fr: locale refused'])
    editor.editCells([{ rowId: 'row-1', field: 'translations.fr.metadata.title', value: 'Titre' }])
    expect(issues('row-1')).toEqual(['metadata.rating: must be string'])
    editor.editCells([{ rowId: 'row-1', field: 'metadata.rating', value: null }])
    expect(issues('row-1')).toEqual([])
  })

  it('pins a library conflict on its cell until the editor changes that value', () => {
    const conflicted = imageRow(
      1,
      { externalId: 'dpa-7' },
      {
        status: 'conflict',
        conflict: { field: 'externalId', existing: { mediaId: 'theirs', externalId: 'dpa-7' } },
      },
    )
    const { session, editor, issues } = setup([conflicted])
    expect(issues('row-1')).toEqual([
      'externalId: The library already holds entry theirs with externalId "dpa-7": change it, or link this row to that entry.',
    ])
    editor.editCells([{ rowId: 'row-1', field: 'metadata.title', value: 'Other' }])
    expect(issues('row-1')).toHaveLength(1)
    editor.editCells([{ rowId: 'row-1', field: 'externalId', value: 'dpa-8' }])
    expect(session.getRow('row-1')?.conflict).toBeUndefined()
    expect(issues('row-1')).toEqual([])
  })

  it('previews a replace without changing anything, then applies exactly what it counted', () => {
    const { session, editor } = setup([imageRow(1), imageRow(2), imageRow(3)])
    const options = { find: 'Title', replace: 'Photo', regex: false, matchCase: true }
    const preview = editor.findReplace(['row-1', 'row-2'], ['metadata.title'], options, true)
    expect(preview).toMatchObject({ matches: 2, cells: 2, rows: 2 })
    expect(preview.applied).toBeUndefined()
    expect(session.getRow('row-1')?.entry?.metadata.title).toBe('Title 1')
    const done = editor.findReplace(['row-1', 'row-2'], ['metadata.title'], options, false)
    expect(done.applied).toMatchObject({ changed: 2 })
    expect(session.getRow('row-2')?.entry?.metadata.title).toBe('Photo 2')
    expect(session.getRow('row-3')?.entry?.metadata.title).toBe('Title 3')
  })
})

describe('RowValidator', () => {
  it('does not mark a file for an upload still running, and marks rows that change by themselves', () => {
    const uploading = imageRow(
      1,
      {},
      { status: 'uploading', upload: { state: 'uploading', bytesSent: 1, bytesTotal: 9 } },
    )
    const { session, issues } = setup([uploading])
    expect(issues('row-1')).toEqual([])
    session.updateRow('row-1', { entry: { ...uploading.entry!, mediaType: 'video' } })
    expect(issues('row-1')).toEqual(['mediaType: This file is an image, but "video" is a video media type.'])
  })

  it('frees a duplicate id when the other row is removed', () => {
    const { session, issues } = setup([imageRow(1, { id: 'same' }), imageRow(2, { id: 'same' })])
    expect(issues('row-2')).toHaveLength(1)
    session.removeRows(['row-1'])
    session.flush()
    expect(issues('row-2')).toEqual([])
  })
})
