import { beforeEach, describe, expect, it } from 'vitest'
import type { AppInfo, Row } from '../../src-main/contract'
import { useAppStore } from './app-store'
import { createSummaryFeed, useRowSummary } from './row-summary'
import { sessionOpened } from './session-reset'
import { useWorkspaceStore } from './workspace-store'
import { exampleRow } from '../../src-shared/rows/testing/example-rows'

const row = (rowId: string, status: Row['status'] = 'uploaded'): Row =>
  exampleRow(rowId, status, { path: `/d/${rowId}.png`, relativePath: `d/${rowId}.png`, size: 1, mtimeMs: 0 })

const info = (sessionId: string): AppInfo => ({
  version: '0',
  mode: 'sandbox',
  profileName: 'Sandbox',
  livingdocsUrl: '',
  sessionId,
})

describe('sessionOpened', () => {
  beforeEach(() => useAppStore.getState().sessionOpened(info('first')))

  it('leaves nothing of the previous session: rows, counts, scans, filter, selection, panels', async () => {
    const feed = createSummaryFeed()
    const store = useAppStore.getState()
    const rows = [row('a'), row('b'), row('c', 'skipped')]
    store.receiveSnapshot({ sessionId: 'first', rows })
    feed.snapshot({ sessionId: 'first', rows })
    store.receiveScanProgress({ scanId: 's1', state: 'done', files: 3, skipped: 1, errors: 0 })
    store.setFilter({ text: 'gull', rowClass: 'ready' })
    store.setSort({ column: store.columns[0]!, direction: 'asc' })
    store.setShowSkipped(true)
    store.selectRows(['a', 'b'], 'replace')
    store.setActive({ rowId: 'a', columnId: 'path' })
    store.setPanel('find')
    useWorkspaceStore.getState().setSessionsOpen(true)
    await new Promise((r) => setTimeout(r, 200))
    expect(useRowSummary.getState().counts.ready).toBe(2)
    const epoch = useAppStore.getState().sessionEpoch

    sessionOpened(info('second'), feed)

    const after = useAppStore.getState()
    expect(after.appInfo?.sessionId).toBe('second')
    expect(after.sessionEpoch).toBe(epoch + 1)
    expect(after.session.ids).toEqual([])
    expect(after.rowView.ids).toEqual([])
    expect(after.scans).toEqual([])
    expect(after.filter).toEqual({ text: '', rowClass: null, issueKey: null, fileNameTitles: false })
    expect(after.sort).toBeNull()
    expect(after.showSkipped).toBe(false)
    expect(after.selected.size).toBe(0)
    expect(after.active).toBeNull()
    expect(after.panel).toBeNull()
    expect(useWorkspaceStore.getState().sessionsOpen).toBe(false)
    // At once, not after the publish delay: the old figures never show over the new session.
    expect(useRowSummary.getState().counts.ready).toBe(0)

    // The new session's own rows then count alone.
    after.receiveSnapshot({ sessionId: 'second', rows: [row('x')] })
    feed.snapshot({ sessionId: 'second', rows: [row('x')] })
    await new Promise((r) => setTimeout(r, 200))
    expect(useRowSummary.getState().counts.ready).toBe(1)
    expect(useAppStore.getState().rowView.ids).toEqual(['x'])
    feed.stop()
  })
})
