import { describe, expect, it } from 'vitest'
import { buildColumns } from '../grid/column-model'
import { emptyLayout, loadLayout, moveColumn, saveLayout, setHidden, setWidth, visibleColumns } from './column-layout'

const columns = buildColumns(null)
const ids = (layout = emptyLayout) => visibleColumns(columns, layout).map((c) => c.id)

describe('column layout', () => {
  it('shows every column in the default order without a layout', () => {
    expect(ids()).toEqual(columns.map((c) => c.id))
  })

  it('moves, hides and sizes columns, clamping widths', () => {
    let layout = moveColumn(columns, emptyLayout, 'status', -1)
    expect(ids(layout).slice(4, 7)).toEqual(['size', 'status', 'upload'])
    layout = setHidden(layout, 'size', true)
    expect(ids(layout)).not.toContain('size')
    layout = setHidden(layout, 'size', false)
    expect(ids(layout)).toContain('size')
    layout = setWidth(setWidth(layout, 'path', 10), 'kind', 333.4)
    const widths = Object.fromEntries(visibleColumns(columns, layout).map((c) => [c.id, c.width]))
    expect([widths.path, widths.kind]).toEqual([40, 333])
    expect(moveColumn(columns, layout, 'select', -1)).toBe(layout)
  })

  it('keeps a layout per profile and survives a damaged entry', () => {
    const store = new Map<string, string>()
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    }
    saveLayout('Sandbox', setHidden(emptyLayout, 'size', true), storage)
    expect(loadLayout('Sandbox', storage).hidden).toEqual(['size'])
    expect(loadLayout('Newsroom', storage)).toEqual(emptyLayout)
    store.set('media-import:grid-layout:Broken', '{not json')
    expect(loadLayout('Broken', storage)).toEqual(emptyLayout)
  })
})
