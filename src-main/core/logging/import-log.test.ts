/**
 * A move the row's lifecycle refuses reaches the import log: which row, from which state, which
 * event, in words. Here a real call site (`startAttempt` on an imported row) asks for it.
 */
import { describe, expect, it } from 'vitest'
import { startAttempt } from '../pipeline/row-outcome'
import type { Row } from '../model/row'
import { Session } from '../session/session'
import type { UploadEngine } from '../storage/upload-engine'
import { logImportActivity } from './import-log'
import { Logger } from './logger'
import { exampleRow } from '../../../src-shared/rows/testing/example-rows'

describe('the import log', () => {
  it('writes a refused status move at warn, and nothing once stopped', () => {
    const lines: string[] = []
    const logger = Logger.create({ sinks: [{ write: (line) => lines.push(line) }] })
    const row: Row = {
      rowId: 'r1',
      path: '/in/a.jpg',
      relativePath: 'in/a.jpg',
      size: 1,
      mtimeMs: 0,
      status: 'imported',
      result: { mediaId: 'm1', record: {} },
    }
    const session = new Session()
    session.upsertRows([row])
    const engine = { on: () => () => undefined } as unknown as UploadEngine
    const stop = logImportActivity(logger, session, engine)

    expect(startAttempt(row)).toEqual({ submitAttempts: 1 })
    const refused = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(refused).toEqual([
      expect.objectContaining({
        level: 'warn',
        event: 'row.transition-refused',
        rowId: 'r1',
        path: 'in/a.jpg',
        from: 'imported',
        lifeEvent: 'attempt',
        error: 'A row in state "imported" cannot take the event "attempt"; its status stays.',
      }),
    ])
    stop()
    startAttempt(row)
    expect(lines).toHaveLength(1)
  })

  it('writes a change the session refused at warn (a status without the field it needs)', () => {
    const lines: string[] = []
    const logger = Logger.create({ sinks: [{ write: (line) => lines.push(line) }] })
    const session = new Session()
    session.upsertRows([exampleRow('r1', 'submitting', { relativePath: 'in/a.jpg' })])
    const engine = { on: () => () => undefined } as unknown as UploadEngine
    const stop = logImportActivity(logger, session, engine)
    session.updateRow('r1', { status: 'imported' })
    stop()
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({
        level: 'warn',
        event: 'row.change-refused',
        rowId: 'r1',
        path: 'in/a.jpg',
        problem: 'a row in state "imported" needs "result"; the row stays as it was',
      }),
    ])
  })
})
