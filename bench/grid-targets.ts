/**
 * The grid bench's figures beside the targets, one line each, so a run says at a glance
 * what it met: edit-to-paint p95 <= 16 ms (frames unthrottled), scroll frame p95 <= 17 ms, first
 * row painted <= 500 ms after the session opens (navigation, snapshot included), JS heap <= 400 MB.
 */
export interface GridTargetFigures {
  editToPaintP95Ms: number
  scrollFrameP95Ms: number
  firstRowPaintMs: number
  jsHeapMb: number
}

export const GRID_TARGETS: GridTargetFigures = {
  editToPaintP95Ms: 16,
  scrollFrameP95Ms: 17,
  firstRowPaintMs: 500,
  jsHeapMb: 400,
}

const LABELS: Record<keyof GridTargetFigures, [string, string]> = {
  editToPaintP95Ms: ['edit-to-paint p95', 'ms'],
  scrollFrameP95Ms: ['scroll frame p95', 'ms'],
  firstRowPaintMs: ['first row painted', 'ms'],
  jsHeapMb: ['JS heap after GC', 'MB'],
}

/** One line per target: the figure, the target, met or missed. */
export function targetLines(figures: GridTargetFigures, targets: GridTargetFigures = GRID_TARGETS): string[] {
  return (Object.keys(LABELS) as (keyof GridTargetFigures)[]).map((key) => {
    const [label, unit] = LABELS[key]
    const met = figures[key] <= targets[key]
    return `  ${label.padEnd(18)} ${String(figures[key]).padStart(6)} ${unit}   target <= ${targets[key]} ${unit}   ${met ? 'met' : 'MISSED'}`
  })
}
