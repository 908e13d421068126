/**
 * Filtering: words to look for, and what the counts bar or the error panel chose. Sorting and
 * filtering are worked out when asked (rows do not jump while they are edited); "Re-apply" brings
 * the list up to date with the edits since.
 */
import { useEffect, useState } from 'react'
import { IssueChip } from '../grid/problems/IssueChip'
import { useAppStore } from '../store/app-store'
import { emptyFilter, isFiltered } from '../store/row-view'

export function FilterBox() {
  const filter = useAppStore((s) => s.filter)
  const sorted = useAppStore((s) => s.sort !== null)
  const setFilter = useAppStore((s) => s.setFilter)
  const refresh = useAppStore((s) => s.refreshView)
  const shown = useAppStore((s) => s.rowView.ids.length)
  const [text, setText] = useState(filter.text)
  useEffect(() => setText(filter.text), [filter.text])
  // Typing filters after a pause, so a word is not searched for letter by letter over 50,000 rows.
  useEffect(() => {
    if (text === filter.text) return
    const timer = setTimeout(() => setFilter({ text }), 200)
    return () => clearTimeout(timer)
  }, [text, filter.text, setFilter])
  const active = isFiltered(filter)
  return (
    <div className="filter-box">
      <input
        type="search"
        className="text-input"
        aria-label="Filter rows"
        placeholder="Filter rows…"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <IssueChip />
      {active && (
        <>
          <span className="filter-count">{shown.toLocaleString('en')} shown</span>
          <button type="button" className="button button-quiet" onClick={() => setFilter(emptyFilter)}>
            Show all rows
          </button>
        </>
      )}
      {(active || sorted) && (
        <button
          type="button"
          className="button button-quiet"
          onClick={refresh}
          title="Sort and filter again, with the edits made since"
        >
          Re-apply
        </button>
      )}
    </div>
  )
}
