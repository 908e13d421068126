import { afterEach, describe, expect, it, vi } from 'vitest'
import { firstStatus, onRefusedStep, step, type RefusedStep } from './row-step'

describe('row step', () => {
  afterEach(() => vi.restoreAllMocks())

  it('gives the next status of an allowed move', () => {
    expect(step({ status: 'scanned' }, 'probe-ok')).toEqual({ status: 'probed' })
    expect(step({ status: 'probed' }, 'upload-queued')).toEqual({ status: 'probed' })
    expect(firstStatus('skip')).toBe('skipped')
  })

  it('writes no status for an event the state takes without moving', () => {
    expect(step({ status: 'imported' }, 'upload-done')).toEqual({})
  })

  it('keeps the status of a refused move and tells the listeners which row and why', () => {
    const heard: RefusedStep[] = []
    const off = onRefusedStep((refused) => heard.push(refused))
    expect(step({ rowId: 'r1', relativePath: 'drop/a.jpg', status: 'imported' }, 'attempt')).toEqual({})
    off()
    expect(heard).toEqual([
      {
        rowId: 'r1',
        path: 'drop/a.jpg',
        from: 'imported',
        event: 'attempt',
        error: 'A row in state "imported" cannot take the event "attempt"; its status stays.',
      },
    ])
  })

  it('says a refused move on the console when nobody listens', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(step({ relativePath: 'drop/b.jpg', status: 'skipped' }, 'upload-done')).toEqual({})
    expect(warn).toHaveBeenCalledWith(
      'drop/b.jpg: A row in state "skipped" cannot take the event "upload-done"; its status stays.',
    )
  })
})
