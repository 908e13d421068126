/**
 * Row density: compact (a spreadsheet's 32 px rows, a 40×28 thumbnail) or comfortable (76 px rows
 * with a 96×64 thumbnail and three lines of a caption), as picture desks switch in Photo Mechanic.
 * Every row of a density has the same height, so the row window stays arithmetic (row-window.ts).
 * grid.css and cells.css use the same numbers. Pure.
 */
export type Density = 'compact' | 'comfortable'

export const DENSITIES: readonly Density[] = ['compact', 'comfortable']

export interface DensityMetrics {
  rowHeight: number
  /** The thumbnail's box in the Preview column (the picture fits inside it). */
  thumbWidth: number
  thumbHeight: number
  /** The Preview column's width unless the editor resized it. */
  previewColumnWidth: number
}

const METRICS: Record<Density, DensityMetrics> = {
  compact: { rowHeight: 32, thumbWidth: 40, thumbHeight: 28, previewColumnWidth: 56 },
  comfortable: { rowHeight: 76, thumbWidth: 96, thumbHeight: 64, previewColumnWidth: 112 },
}

export const densityMetrics = (density: Density): DensityMetrics => METRICS[density]

export const isDensity = (value: unknown): value is Density => value === 'compact' || value === 'comfortable'
