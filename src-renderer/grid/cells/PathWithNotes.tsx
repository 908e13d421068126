/**
 * The File column for a row the probe has something to say about: the path, then one mark per
 * note (error, warnings, duplicate) with the whole message as hover text. The marks' short labels
 * are drawn by CSS, so the cell's text and accessible name stay exactly the path (rows are found
 * by it); the messages are the cell's description instead. Rows without notes keep the plain-text
 * cell (GridCell), so this costs nothing on most rows.
 */
import type { Row } from '../../../src-main/contract'
import { useAppStore } from '../../store/app-store'
import { pathText } from './path-text'
import { rowNotes } from './probe-notes'
import './cells.css'

export function PathWithNotes({ row }: { row: Row }) {
  const twinPath = useAppStore((s) => (row.duplicateOf ? s.session.byId.get(row.duplicateOf)?.relativePath : undefined))
  const notes = rowNotes(row, twinPath)
  const all = notes.map((note) => note.text).join('\n')
  return (
    <span className="path-notes" title={all} aria-description={all}>
      {pathText(row.relativePath)}
      {notes.map((note) => (
        <span
          key={note.kind}
          className={`row-note row-note-${note.kind}`}
          data-label={note.label}
          data-note={note.kind}
          title={note.text}
          aria-hidden="true"
        />
      ))}
    </span>
  )
}
