/**
 * An edge that resizes what it sits on: dragged with the pointer, or with the arrow keys while it
 * has the focus (16 px a press). A column's right edge grows it to the right; the preview pane's
 * left edge grows it to the left (`edge="left"`).
 */
import type { KeyboardEvent, PointerEvent } from 'react'

export interface ResizeHandleProps {
  label: string
  width: number
  onResize(width: number): void
  /** Which edge of its box the handle is: a left edge grows its box as it moves left. */
  edge?: 'left' | 'right'
  className?: string
}

export function ResizeHandle({
  label,
  width,
  onResize,
  edge = 'right',
  className = 'resize-handle',
}: ResizeHandleProps) {
  const sign = edge === 'left' ? -1 : 1
  const onPointerDown = (e: PointerEvent<HTMLSpanElement>) => {
    e.preventDefault()
    const startX = e.clientX
    const handle = e.currentTarget
    handle.setPointerCapture(e.pointerId)
    const onMove = (move: globalThis.PointerEvent) => onResize(width + sign * (move.clientX - startX))
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove)
      handle.removeEventListener('pointerup', onUp)
    }
    handle.addEventListener('pointermove', onMove)
    handle.addEventListener('pointerup', onUp)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLSpanElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
    e.preventDefault()
    e.stopPropagation()
    onResize(width + sign * (e.key === 'ArrowRight' ? 16 : -16))
  }
  return (
    <span
      className={className}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  )
}
