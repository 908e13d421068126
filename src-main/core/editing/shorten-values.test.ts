import { afterEach, describe, expect, it } from 'vitest'
import type { Row } from '../model/row'
import { Session } from '../session/session'
import { RowValidator } from './row-validator'
import { SessionEditor } from './session-editor'
import { planShorten, shortenRows } from './shorten-values'
import { imageRow, sandboxProject } from './testing/rows'

let validator: RowValidator | undefined
afterEach(() => validator?.dispose())

// The Sandbox's image title allows 200 characters.
const long = `${'Harbour cranes at dawn '.repeat(10)}end`

function setup(rows: Row[]) {
  const session = new Session({ flushMs: 10_000, rows })
  validator = new RowValidator(session, { project: () => sandboxProject, defaultSystemName: () => 'dam' })
  const editor = new SessionEditor(session, () => sandboxProject)
  return { session, editor }
}

describe('Shorten', () => {
  it('cuts a too long title and its translation at a word, as the prefill does, and marks what it cut', async () => {
    const { session, editor } = setup([imageRow(1), imageRow(2)])
    editor.editCells([
      { rowId: 'row-1', field: 'metadata.title', value: long },
      { rowId: 'row-1', field: 'translations.fr.metadata.title', value: long },
    ])
    expect(session.getRow('row-1')?.issues?.map((i) => i.field)).toEqual([
      'metadata.title',
      'translations.fr.metadata.title',
    ])

    const report = await shortenRows(session, editor, sandboxProject, ['row-1', 'row-2'])
    expect(report).toMatchObject({ done: 1, refused: 1 })
    expect(report.rows[1]?.message).toMatch(/has no value longer than its field allows/)
    const row = session.getRow('row-1')!
    const title = row.entry?.metadata.title as string
    expect([...title].length).toBeLessThanOrEqual(200)
    // At a word (the text has 23-character words), with "…".
    expect(title).toMatch(/ cranes…$/)
    expect(row.entry?.translations.fr?.metadata.title).toBe(title)
    expect(row.issues ?? []).toEqual([])
    expect(row.shortened).toEqual({
      'metadata.title': { value: title, from: long.length },
      'translations.fr.metadata.title': { value: title, from: long.length },
    })

    // One step: Ctrl+Z brings the whole text back (and the issue with it).
    editor.undo()
    expect(session.getRow('row-1')?.entry?.metadata.title).toBe(long)
    expect(session.getRow('row-1')?.issues).toHaveLength(2)
  })

  it('plans nothing for rows without a value over its limit', () => {
    const plan = planShorten(['row-1', 'gone'], (id) => (id === 'row-1' ? imageRow(1) : undefined), sandboxProject)
    expect(plan.edits).toEqual([])
    expect(plan.report).toMatchObject({ done: 0, refused: 2 })
    expect(plan.report.rows[1]?.message).toMatch(/no row gone/)
  })
})
