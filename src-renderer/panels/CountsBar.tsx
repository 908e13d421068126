/**
 * Ready, invalid, uploading, imported, failed: each count filters the grid to its rows when pressed.
 * The figures are also said politely to screen readers once they have settled for a moment, not
 * at every upload tick. Beside them, a warning that never blocks: "3 titles from file names"
 * (file-name-titles.ts), which shows those rows and puts the cursor on the first such title.
 */
import { useEffect, useState } from 'react'
import { showFileNameTitles } from '../grid/problems/problem-nav'
import { useAppStore } from '../store/app-store'
import { fileNameChipText } from '../store/file-name-titles'
import './counts-bar.css'
import { ROW_CLASS_LABELS, ROW_CLASSES, type RowCounts } from '../store/row-class'
import { useRowSummary } from '../store/row-summary'

const SETTLE_MS = 1500

/** "Rows: 3 ready, 1 invalid": the non-zero counts in words, or that there are none. Pure. */
export function countsSentence(counts: RowCounts): string {
  const parts = ROW_CLASSES.filter((c) => counts[c] > 0).map(
    (c) => `${counts[c].toLocaleString('en')} ${ROW_CLASS_LABELS[c].toLowerCase()}`,
  )
  return parts.length > 0 ? `Rows: ${parts.join(', ')}.` : 'No rows in this session yet.'
}

function useSettled(text: string): string {
  const [said, setSaid] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setSaid(text), SETTLE_MS)
    return () => clearTimeout(timer)
  }, [text])
  return said
}

/** Shown while some row's title is its file name, or while its filter is on (pressing it again shows every row). */
function FileNameTitlesChip() {
  const count = useRowSummary((s) => s.fileNameTitles ?? 0)
  const on = useAppStore((s) => s.filter.fileNameTitles)
  if (count === 0 && !on) return null
  return (
    <button
      type="button"
      className="count count-warning"
      aria-pressed={on}
      title="Their title is the file name (DSC_0417): the server takes it, a reader would not. Shows these rows; F8 goes from one to the next."
      onClick={showFileNameTitles}
    >
      {fileNameChipText(count)}
    </button>
  )
}

export function CountsBar() {
  const counts = useRowSummary((s) => s.counts)
  const rowClass = useAppStore((s) => s.filter.rowClass)
  const setFilter = useAppStore((s) => s.setFilter)
  const said = useSettled(countsSentence(counts))
  return (
    <div className="counts" role="group" aria-label="Rows by state">
      {ROW_CLASSES.map((c) => (
        <button
          type="button"
          key={c}
          className="count"
          data-class={c}
          aria-pressed={rowClass === c}
          onClick={() => setFilter({ rowClass: rowClass === c ? null : c, issueKey: null })}
        >
          <span className="count-label">{ROW_CLASS_LABELS[c]}</span>{' '}
          <span className="count-value">{counts[c].toLocaleString('en')}</span>
        </button>
      ))}
      <FileNameTitlesChip />
      <span className="sr-only" role="status" aria-live="polite" data-testid="counts-said">
        {said}
      </span>
    </div>
  )
}
