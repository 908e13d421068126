/**
 * Find and replace over the selected rows (else every row in the filter), in one column or all
 * text columns. The count is previewed by main while typing; "Replace all" applies exactly the
 * matches counted, as one undo step.
 */
import { useEffect, useState } from 'react'
import type { FindOutcome } from '../../src-main/contract'
import { api } from '../api'
import { isEditable } from '../grid/column-model'
import { runEdit } from '../grid/grid-actions'
import { useAppStore } from '../store/app-store'

const TEXT_PLUGINS = new Set(['li-text', 'li-string-list', 'li-enum'])

function scope(columnId: string) {
  const s = useAppStore.getState()
  const rowIds = s.selected.size > 0 ? s.rowView.ids.filter((id) => s.selected.has(id)) : [...s.rowView.ids]
  const textColumns = s.columns.filter(
    (c) => isEditable(c) && (c.kind === 'identity' || TEXT_PLUGINS.has(c.property?.plugin ?? '')),
  )
  const fields = (columnId === '*' ? textColumns : textColumns.filter((c) => c.id === columnId)).map(
    (c) => c.field as string,
  )
  return { rowIds, fields, textColumns }
}

const describe = (o: FindOutcome): string =>
  `${o.matches.toLocaleString('en')} match(es) in ${o.cells.toLocaleString('en')} cell(s) of ${o.rows.toLocaleString('en')} row(s)` +
  (o.refusedCount > 0 ? `; ${o.refusedCount} cell(s) cannot change (imported rows)` : '')

export function FindReplacePanel() {
  const [find, setFind] = useState('')
  const [replace, setReplace] = useState('')
  const [regex, setRegex] = useState(false)
  const [matchCase, setMatchCase] = useState(false)
  const [columnId, setColumnId] = useState('*')
  const [preview, setPreview] = useState<FindOutcome | null>(null)
  const [message, setMessage] = useState('')
  const selected = useAppStore((s) => s.selected.size)
  const { textColumns } = scope(columnId)

  const ask = (apply: boolean) => {
    const { rowIds, fields } = scope(columnId)
    if (find === '' || rowIds.length === 0 || fields.length === 0) return Promise.resolve(null)
    return api.findReplace({ rowIds, fields, find, replace, regex, matchCase, preview: !apply })
  }
  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      ask(false).then(
        (outcome) => {
          if (!current) return
          setPreview(outcome)
          setMessage('')
        },
        (err: unknown) => current && (setPreview(null), setMessage(err instanceof Error ? err.message : String(err))),
      )
    }, 250)
    return () => {
      current = false
      clearTimeout(timer)
    }
    // `ask` reads the same inputs listed here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [find, replace, regex, matchCase, columnId])

  const replaceAll = async () => {
    const outcome = await runEdit('Could not replace', async () => {
      const found = await ask(true)
      if (!found?.applied) throw new Error('Nothing to replace.')
      setMessage(
        `Replaced ${found.matches.toLocaleString('en')} match(es) in ${found.applied.changed.toLocaleString('en')} cell(s).`,
      )
      return found.applied
    })
    if (outcome) setPreview(null)
  }
  return (
    <form className="panel-form" onSubmit={(e) => (e.preventDefault(), void replaceAll())}>
      <label className="field">
        Find
        <input className="text-input" value={find} onChange={(e) => setFind(e.target.value)} autoFocus />
      </label>
      <label className="field">
        Replace with
        <input className="text-input" value={replace} onChange={(e) => setReplace(e.target.value)} />
      </label>
      <label className="inline">
        <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} /> Regular expression ($1 in
        the replacement)
      </label>
      <label className="inline">
        <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} /> Match case
      </label>
      <label className="field">
        In
        <select value={columnId} onChange={(e) => setColumnId(e.target.value)}>
          <option value="*">All text columns</option>
          {textColumns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">
        {selected > 0 ? `In the ${selected.toLocaleString('en')} selected rows.` : 'In every row in the filter.'}
      </p>
      <p className="find-count" aria-live="polite">
        {message || (preview ? describe(preview) : '')}
      </p>
      {preview && preview.samples.length > 0 && (
        <ul className="find-samples" aria-label="Examples">
          {preview.samples.map((s) => (
            <li key={`${s.rowId}-${s.field}`}>
              <del>{s.before}</del> → <ins>{s.after}</ins>
            </li>
          ))}
        </ul>
      )}
      <button type="submit" className="button" disabled={!preview || preview.matches === 0}>
        Replace all
      </button>
    </form>
  )
}
