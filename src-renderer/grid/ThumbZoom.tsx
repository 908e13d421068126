/**
 * Hover zoom: resting the pointer on a thumbnail shows it larger in a popover beside it, over the
 * grid, so nothing moves (no layout shift). One listener on the grid instead of one per cell; the
 * popover loads the same cached thumbnail (its longest edge is the cache's, 256 px), so it
 * appears at once. Drawn into the body: the grid's paint containment would clip it.
 */
import { useEffect, useState } from 'react'
import type { RefObject } from 'react'
import { createPortal } from 'react-dom'

interface Zoom {
  src: string
  alt: string
  left: number
  top: number
}

/** Long enough that sweeping across the grid shows nothing; short enough to feel immediate when aimed. */
const DELAY_MS = 250
const SIZE = 272

/** Beside the thumbnail, flipped left near the window's right edge, kept inside the window vertically. */
export function zoomPlace(
  thumb: { left: number; right: number; top: number; height: number },
  view: { width: number; height: number },
  size = SIZE,
): { left: number; top: number } {
  const left = thumb.right + 12 + size <= view.width ? thumb.right + 12 : Math.max(0, thumb.left - 12 - size)
  const top = Math.min(Math.max(8, thumb.top + thumb.height / 2 - size / 2), Math.max(8, view.height - size - 8))
  return { left, top }
}

/** Rendered beside the grid (MediaGrid); shows nothing until a thumbnail is hovered. */
export function ThumbZoom({ gridRef }: { gridRef: RefObject<HTMLDivElement | null> }) {
  const [zoom, setZoom] = useState<Zoom | null>(null)
  useEffect(() => {
    const grid = gridRef.current
    if (!grid) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const hide = () => {
      clearTimeout(timer)
      setZoom(null)
    }
    const onOver = (e: MouseEvent) => {
      const img = e.target instanceof HTMLImageElement && e.target.classList.contains('thumb') ? e.target : null
      clearTimeout(timer)
      if (!img) return setZoom(null)
      timer = setTimeout(() => {
        const rect = img.getBoundingClientRect()
        const place = zoomPlace(rect, { width: window.innerWidth, height: window.innerHeight })
        setZoom({ src: img.src, alt: img.alt, ...place })
      }, DELAY_MS)
    }
    grid.addEventListener('mouseover', onOver)
    grid.addEventListener('mouseleave', hide)
    grid.addEventListener('scroll', hide, { passive: true })
    return () => {
      hide()
      grid.removeEventListener('mouseover', onOver)
      grid.removeEventListener('mouseleave', hide)
      grid.removeEventListener('scroll', hide)
    }
  }, [gridRef])
  if (!zoom) return null
  // The same picture as the thumbnail, larger: nothing new for a screen reader.
  return createPortal(
    <div className="thumb-zoom" aria-hidden="true" style={{ left: zoom.left, top: zoom.top }}>
      <img src={zoom.src} alt="" />
    </div>,
    document.body,
  )
}
