/**
 * The File cell's second line: what a picture desk checks before captioning (is it big enough,
 * how long is the clip) — duration for videos, pixel size, then file size. Pure.
 */
import type { Row } from '../../../src-main/contract'
import { formatSize } from '../format'
import { formatDuration } from './probe-notes'

export function fileFacts(row: Pick<Row, 'kind' | 'width' | 'height' | 'duration' | 'size'>): string {
  const parts: string[] = []
  if (row.kind === 'video') {
    const duration = formatDuration(row.duration)
    if (duration) parts.push(duration)
  }
  if (row.width && row.height) parts.push(`${row.width} × ${row.height}`)
  parts.push(formatSize(row.size))
  return parts.join(' · ')
}
