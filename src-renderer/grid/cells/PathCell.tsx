/**
 * The File column: the path, with the probe's marks where it found something (PathWithNotes), and
 * under it the file's facts (file-facts.ts; beside it in compact rows). The facts are drawn by CSS
 * from an attribute, so the cell's text and accessible name stay exactly the path (rows are found
 * by it); a screen reader gets them as the cell's description instead.
 *
 * Plain elements, not a component: a recycled cell (row-slots.ts) updates them in place as the
 * grid scrolls instead of mounting a component per row per frame (GridCell's `content`).
 */
import type { Row } from '../../../src-main/contract'
import { fileFacts } from './file-facts'
import { pathText } from './path-text'
import { PathWithNotes } from './PathWithNotes'
import { hasRowNotes } from './probe-notes'
import './cells.css'

export function pathCell(row: Row) {
  const facts = fileFacts(row)
  return (
    <span className="path-cell" aria-description={facts}>
      {hasRowNotes(row) ? <PathWithNotes row={row} /> : pathText(row.relativePath)}
      <span className="path-facts" data-facts={facts} aria-hidden="true" />
    </span>
  )
}
