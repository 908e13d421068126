/**
 * Which rows are drawn, and where to scroll so a row is in view. Every row is ROW_HEIGHT tall and
 * the sticky header covers the top of the scroll box, so both are arithmetic on the scroll offset
 * and the box's height: nothing here reads the layout. A general virtualiser measures the scroll
 * box on every scroll and every "scroll to row" (a forced layout in the middle of an edit's frame)
 * and re-renders the grid twice per scroll for its own "is scrolling" flag; the grid needs none of
 * that. Pure.
 */

/** Rows `start` (inclusive) to `end` (exclusive). */
export interface RowRange {
  start: number
  end: number
}

export interface RowGeometry {
  rowHeight: number
  /** The sticky header's height: it sits above the first row and covers the top of the view. */
  headerHeight: number
}

/** The rows in view at `scrollTop` in a box `viewHeight` tall, plus `overscan` rows on each side. */
export function rowWindow(
  geometry: RowGeometry,
  scrollTop: number,
  viewHeight: number,
  count: number,
  overscan: number,
): RowRange {
  const { rowHeight, headerHeight } = geometry
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight)
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewHeight - headerHeight)) / rowHeight)
  const start = Math.min(count, Math.max(0, first - overscan))
  const end = Math.min(count, Math.max(start, last + overscan))
  return { start, end }
}

/** Whether `outer` holds every row of `inner`: then the rows already drawn cover the view. */
export const covers = (outer: RowRange, inner: RowRange): boolean =>
  inner.start >= outer.start && inner.end <= outer.end

export const sameRange = (a: RowRange, b: RowRange): boolean => a.start === b.start && a.end === b.end

/**
 * The scroll offset that brings row `index` fully into view with the least movement (a spreadsheet's
 * cursor: up puts it under the header, down puts it on the bottom edge), or null when it is in view.
 */
export function scrollTopToShow(
  geometry: RowGeometry,
  index: number,
  scrollTop: number,
  viewHeight: number,
): number | null {
  const { rowHeight, headerHeight } = geometry
  const rowTop = index * rowHeight
  if (rowTop < scrollTop) return rowTop
  const bottom = headerHeight + rowTop + rowHeight
  if (bottom > scrollTop + viewHeight) return Math.max(0, bottom - viewHeight)
  return null
}
