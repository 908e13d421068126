/**
 * The grid's rows drawn from its scroll offset (row-window.ts), and scrolling a row into view.
 * The offset and the box's height are kept from the scroll events and a ResizeObserver, so neither
 * drawing nor "scroll to row" reads the layout.
 *
 * When the view moves within the rows already drawn (the overscan: an Enter or an arrow key moves
 * one row), the newly needed rows are drawn after the frame, so the frame that paints an edit does
 * not also re-render the grid. When the view leaves them (a jump, a fast scroll), they are drawn
 * at once, in the same frame, so the grid never shows a gap.
 */
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react'
import type { RefObject } from 'react'
import { flushSync } from 'react-dom'
import { covers, rowWindow, sameRange, scrollTopToShow, type RowGeometry, type RowRange } from './row-window'

/**
 * Until the box is measured: the grid is never taller than the window, so its height draws a few
 * rows too many rather than too few, and the first render already draws the first screen.
 */
const unmeasuredHeight = (): number => (typeof window === 'undefined' ? 1200 : window.innerHeight || 1200)

export interface RowWindowHandle {
  range: RowRange
  /** Scrolls the least that shows row `index` whole: at once (and drawn) if it was not drawn, else at the next frame. */
  scrollToRow(index: number): void
}

export function useRowWindow(
  ref: RefObject<HTMLElement | null>,
  count: number,
  geometry: RowGeometry,
  overscan: number,
): RowWindowHandle {
  const view = useRef({ scrollTop: 0, height: 0 })
  if (view.current.height === 0) view.current.height = unmeasuredHeight()
  const [, redraw] = useReducer((n: number) => n + 1, 0)
  const range = rowWindow(geometry, view.current.scrollTop, view.current.height, count, overscan)
  // What the last render drew and for how many rows; read by the event handlers below.
  const drawn = useRef({ range, count })
  drawn.current = { range, count }

  const inView = useCallback(
    (withOverscan: number) =>
      rowWindow(geometry, view.current.scrollTop, view.current.height, drawn.current.count, withOverscan),
    [geometry],
  )

  /** Draws what the view now needs: later when the drawn rows cover the view, else now. */
  const follow = useCallback(() => {
    if (sameRange(inView(overscan), drawn.current.range)) return
    if (covers(drawn.current.range, inView(0))) redraw()
    else flushSync(redraw)
  }, [inView, overscan])

  useEffect(() => {
    const box = ref.current
    if (!box) return
    const onScroll = () => {
      view.current.scrollTop = box.scrollTop
      follow()
    }
    const measure = () => {
      view.current.height = box.clientHeight
      follow()
    }
    box.addEventListener('scroll', onScroll, { passive: true })
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure)
    observer?.observe(box)
    return () => {
      box.removeEventListener('scroll', onScroll)
      observer?.disconnect()
    }
  }, [ref, follow])

  // Measured once before the first paint. The rows drawn from the window's height cover the box
  // (a few more, below it), so the first screen is not rendered and laid out a second time.
  useLayoutEffect(() => {
    const box = ref.current
    if (!box) return
    view.current = { scrollTop: box.scrollTop, height: box.clientHeight }
    if (!covers(drawn.current.range, inView(overscan))) redraw()
  }, [ref, inView, overscan])

  // A scroll within the drawn rows waits for the next frame (see scrollToRow).
  const pendingTop = useRef<number | null>(null)
  const scrollToRow = useCallback(
    (index: number) => {
      const box = ref.current
      if (!box) return
      const top = scrollTopToShow(geometry, index, view.current.scrollTop, view.current.height)
      if (top === null) return
      // The scroll event that follows corrects this if the browser clamped the offset.
      view.current.scrollTop = top
      if (!covers(drawn.current.range, inView(0))) {
        // A jump: scrolled and drawn now (called from a layout effect, the render happens before the paint).
        pendingTop.current = null
        box.scrollTop = top
        redraw()
        return
      }
      // Within the drawn rows (Enter, an arrow key): scrolled at the start of the next frame,
      // before it lays out, so the key's handler does not lay the page out a second time.
      if (pendingTop.current === null)
        requestAnimationFrame(() => {
          if (pendingTop.current !== null) box.scrollTop = pendingTop.current
          pendingTop.current = null
        })
      pendingTop.current = top
    },
    [ref, geometry, inView],
  )

  return { range, scrollToRow }
}
