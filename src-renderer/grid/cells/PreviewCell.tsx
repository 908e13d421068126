/**
 * The Preview column: the cached thumbnail (a poster frame for videos, where ffmpeg could make
 * one), else a badge with the kind; videos carry their duration either way. Fixed sizes per
 * density (grid.css, density.ts) and off-thread decoding, so a scrolled frame never waits for an
 * image. Hovering it shows it larger (ThumbZoom).
 */
import { servedOverHttp, thumbnailUrl } from '../../../src-shared/urls/thumbnail-url'
import type { Row } from '../../../src-main/contract'
import { formatDuration } from './probe-notes'
import './cells.css'

const KIND_BADGES = { image: 'IMG', video: 'VID', file: 'FILE' } as const
/** Asked once: the page's origin does not change, and a scrolled frame renders a screenful of these. */
const OVER_HTTP = servedOverHttp()

export function PreviewCell({ row }: { row: Row }) {
  const duration = row.kind === 'video' ? formatDuration(row.duration) : ''
  const why = row.thumbnailUnavailable
  return (
    <span className="preview" title={why} data-kind={row.kind}>
      {row.thumbnail ? (
        <img
          className="thumb"
          src={thumbnailUrl(row.thumbnail, OVER_HTTP)}
          alt={row.kind === 'video' ? 'Poster frame' : 'Preview'}
          width={96}
          height={64}
          loading="lazy"
          decoding="async"
        />
      ) : (
        <span className="thumb thumb-none" aria-label={why ?? undefined}>
          {row.kind ? KIND_BADGES[row.kind] : '…'}
        </span>
      )}
      {duration && (
        <span className="preview-duration" aria-label={`Duration ${duration}`}>
          {duration}
        </span>
      )}
    </span>
  )
}
