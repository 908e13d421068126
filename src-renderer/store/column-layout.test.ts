import { describe, expect, it } from 'vitest'
import { buildColumns } from '../grid/column-model'
import {
  emptyLayout,
  loadLayout,
  moveColumn,
  resetColumns,
  saveLayout,
  setDensity,
  setHidden,
  setTechnical,
  setWidth,
  visibleColumns,
} from './column-layout'

const columns = buildColumns(null)
const ids = (layout = emptyLayout) => visibleColumns(columns, layout).map((c) => c.id)
const TECHNICAL = ['kind', 'size', 'upload', 'mediaType', 'id', 'systemName', 'externalId']

describe('column layout', () => {
  it('shows every column but the technical ones in the default order without a layout', () => {
    expect(ids()).toEqual(columns.filter((c) => !TECHNICAL.includes(c.id)).map((c) => c.id))
    expect(ids(setTechnical(emptyLayout, true))).toEqual(columns.map((c) => c.id))
  })

  it('sizes the Preview column by density unless the editor sized it', () => {
    const width = (layout = emptyLayout) => visibleColumns(columns, layout).find((c) => c.id === 'thumbnail')?.width
    expect(width()).toBe(112)
    expect(width(setDensity(emptyLayout, 'compact'))).toBe(56)
    expect(width(setWidth(setDensity(emptyLayout, 'compact'), 'thumbnail', 90))).toBe(90)
  })

  it('moves, hides and sizes columns, clamping widths', () => {
    let layout = moveColumn(columns, setTechnical(emptyLayout, true), 'upload', -1)
    expect(ids(layout).slice(3, 6)).toEqual(['kind', 'upload', 'size'])
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
    const chosen = resetColumns(setDensity(setTechnical(setHidden(emptyLayout, 'size', true), true), 'compact'))
    expect(chosen).toEqual({ ...emptyLayout, density: 'compact' })
    saveLayout('Sandbox', setTechnical(setHidden(chosen, 'size', true), true), storage)
    expect(loadLayout('Sandbox', storage)).toMatchObject({ hidden: ['size'], technical: true, density: 'compact' })
    expect(loadLayout('Newsroom', storage)).toEqual(emptyLayout)
    store.set('media-import:grid-layout:Broken', '{not json')
    expect(loadLayout('Broken', storage)).toEqual(emptyLayout)
    // A layout saved before density and technical columns existed: their defaults.
    store.set('media-import:grid-layout:Old', '{"order":["path"],"hidden":[],"widths":{},"density":"huge"}')
    expect(loadLayout('Old', storage)).toEqual({ ...emptyLayout, order: ['path'] })
  })
})
