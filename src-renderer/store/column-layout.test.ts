import { describe, expect, it } from 'vitest'
import config from '../../resources/sandbox/project-config.json'
import { readProjectModel } from '../../src-shared/project/project-model'
import { buildColumns } from '../grid/column-model'
import {
  emptyLayout,
  loadLayout,
  moveColumn,
  resetColumns,
  saveLayout,
  PANE_MAX,
  PANE_WIDTH,
  setDensity,
  setHidden,
  setPaneWidth,
  setTechnical,
  setWidth,
  unusedInSession,
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

describe('columns that follow the media types of the session', () => {
  const sandbox = buildColumns(readProjectModel(config))
  const shownIds = (layout: typeof emptyLayout, present?: ReadonlySet<string>) =>
    visibleColumns(sandbox, layout, { present }).map((c) => c.id)
  const photosAndClips = new Set(['image', 'video'])
  const description = sandbox.find((c) => c.id === 'metadata.description')!

  it('leaves out a field no row can use: the Sandbox’s Description is a file’s', () => {
    const ids = shownIds(emptyLayout, photosAndClips)
    expect(ids).toEqual(expect.arrayContaining(['metadata.title', 'metadata.caption', 'metadata.credit']))
    for (const id of ['metadata.description', 'translations.de.metadata.description']) expect(ids).not.toContain(id)
    expect(unusedInSession(description, emptyLayout, photosAndClips)).toBe(true)
    // A video alone has no file per language (its asset is not translatable), an image has.
    expect(shownIds(emptyLayout, new Set(['video']))).not.toContain('asset.de')
    expect(shownIds(emptyLayout, photosAndClips)).toContain('asset.de')
  })

  it('shows it as soon as a row can use it, and every column while no row’s type is known', () => {
    expect(shownIds(emptyLayout, new Set(['image', 'file']))).toContain('metadata.description')
    expect(shownIds(emptyLayout, new Set())).toContain('metadata.description')
    expect(shownIds(emptyLayout)).toContain('metadata.description')
  })

  it('lets the editor’s choice win, both ways, and keeps it with the layout', () => {
    const chosen = setHidden(emptyLayout, 'metadata.description', false)
    expect(shownIds(chosen, photosAndClips)).toContain('metadata.description')
    expect(unusedInSession(description, chosen, photosAndClips)).toBe(false)
    const hidden = setHidden(chosen, 'metadata.description', true)
    expect(shownIds(hidden, new Set(['file']))).not.toContain('metadata.description')
    const store = new Map<string, string>()
    saveLayout('Sandbox', chosen, { setItem: (k, v) => void store.set(k, v) })
    expect(loadLayout('Sandbox', { getItem: (k) => store.get(k) ?? null }).shown).toEqual(['metadata.description'])
    expect(resetColumns(chosen).shown).toEqual([])
  })
})

describe('beside the preview pane', () => {
  const sandbox = buildColumns(readProjectModel(config))
  const widths = (layout: typeof emptyLayout, besidePane: boolean) =>
    Object.fromEntries(visibleColumns(sandbox, layout, { besidePane }).map((c) => [c.id, c.width]))

  it('gives the fields a narrower width and the thumbnail a glance, unless the editor sized them', () => {
    const alone = widths(emptyLayout, false)
    const beside = widths(emptyLayout, true)
    expect([beside.select, beside.thumbnail]).toEqual([44, 80])
    for (const id of ['path', 'metadata.title', 'metadata.caption', 'metadata.credit', 'status'])
      expect(beside[id], id).toBeLessThan(alone[id] as number)
    // At 1440 px beside a 320 px pane (and a scrollbar): the file, Title, Caption, Credit and the state.
    const lead = ['select', 'thumbnail', 'path', 'metadata.title', 'metadata.caption', 'metadata.credit', 'status']
    expect(lead.reduce((sum, id) => sum + (beside[id] as number), 0)).toBeLessThanOrEqual(1440 - PANE_WIDTH - 16)
    expect(widths(setWidth(emptyLayout, 'metadata.caption', 420), true)['metadata.caption']).toBe(420)
    // Compact thumbnails are already small.
    expect(widths(setDensity(emptyLayout, 'compact'), true).thumbnail).toBe(56)
  })

  it('keeps the pane’s width within its limits, and through a reset of the columns', () => {
    expect(setPaneWidth(emptyLayout, 5000).paneWidth).toBe(PANE_MAX)
    expect(resetColumns(setPaneWidth(emptyLayout, 400)).paneWidth).toBe(400)
    const store = new Map([['media-import:grid-layout:P', '{"paneWidth":"wide"}']])
    expect(loadLayout('P', { getItem: (k) => store.get(k) ?? null }).paneWidth).toBe(PANE_WIDTH)
  })
})
