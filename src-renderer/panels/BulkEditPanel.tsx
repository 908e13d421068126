/**
 * Sets one column on many rows: the selected rows, else the rows of the selected range. Only
 * where empty fills cells that hold nothing (the default where files brought values for the
 * column, so their credits stay), Replace writes the value, Append adds to text (after ", " for
 * credits, a space for prose) and the tags not there yet (core/editing/bulk-append.ts), Clear
 * empties. Values may use variables, resolved per row in the grid's order. Below, the profile's
 * templates (templates/TemplatesSection.tsx).
 */
import { useMemo, useState } from 'react'
import type { BulkMode } from '../../src-main/contract'
import { defaultBulkMode } from '../../src-shared/editing/bulk-append'
import { api } from '../api'
import { isEditable } from '../grid/column-model'
import { runEdit, targetRowIds } from '../grid/grid-actions'
import { cellRange } from '../grid/range'
import { useAppStore } from '../store/app-store'
import { rowIndexIn } from '../store/row-index'
import { TemplatesSection } from './templates/TemplatesSection'

const VARIABLES = '{filename} {folder} {date} {seq} {seq:3} {exif.title} {exif.creator} …'

const MODES: [BulkMode, string][] = [
  ['fill-empty', 'Only where empty'],
  ['replace', 'Replace'],
  ['append', 'Append'],
  ['clear', 'Clear'],
]

function defaultMode(field: string): BulkMode {
  const rows = useAppStore.getState().session.byId
  return defaultBulkMode(
    field,
    targetRowIds().map((id) => rows.get(id)),
  )
}

export function BulkEditPanel() {
  const all = useAppStore((s) => s.columns)
  const columns = useMemo(() => all.filter(isEditable), [all])
  const active = useAppStore((s) => s.active?.columnId)
  // As many rows as Apply takes (targetRowIds): the selected ones, else the range's. Worked out
  // when the selection, the range or the list change, not on every patch of the rows.
  const selectedCount = useAppStore((s) => s.selected.size)
  const cursor = useAppStore((s) => s.active)
  const anchor = useAppStore((s) => s.rangeAnchor)
  const listed = useAppStore((s) => s.rowView.ids)
  const shown = useAppStore((s) => s.shownColumns)
  const count = useMemo(() => {
    if (selectedCount > 0) return selectedCount
    const range = cellRange(listed, shown, cursor, anchor, rowIndexIn(listed))
    return range ? range.rowEnd - range.rowStart + 1 : 0
  }, [selectedCount, cursor, anchor, listed, shown])
  const [field, setField] = useState(() => columns.find((c) => c.id === active)?.field ?? columns[0]?.field ?? '')
  const [mode, setMode] = useState<BulkMode>(() => defaultMode(field))
  const [value, setValue] = useState('')
  const [result, setResult] = useState('')
  const apply = async () => {
    const rowIds = targetRowIds()
    if (rowIds.length === 0) return
    const label = columns.find((c) => c.field === field)?.label ?? field
    const outcome = await runEdit(`Could not set ${label}`, () =>
      api.bulkEdit({ rowIds, field, mode, value: mode === 'clear' ? null : value }),
    )
    if (outcome) setResult(`${label}: ${outcome.changed.toLocaleString('en')} cell(s) changed.`)
  }
  const labelOf = (f: string) => all.find((c) => c.field === f)?.label ?? f
  return (
    <>
      <form
        className="panel-form"
        onSubmit={(e) => {
          e.preventDefault()
          void apply()
        }}
      >
        <label className="field">
          Column
          <select
            value={field}
            onChange={(e) => {
              setField(e.target.value)
              setMode(defaultMode(e.target.value))
            }}
          >
            {columns.map((c) => (
              <option key={c.id} value={c.field}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field">
          <legend>How</legend>
          {MODES.map(([m, text]) => (
            <label key={m} className="inline">
              <input type="radio" name="bulk-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {text}
            </label>
          ))}
          {mode === 'append' && (
            <span className="hint">
              Adds after “, ” to credits and copyrights (a name already there is not added twice), after a space to
              other text, and only the keywords a row does not have yet.
            </span>
          )}
        </fieldset>
        {mode !== 'clear' && (
          <label className="field">
            Value
            <input
              className="text-input"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              aria-describedby="bulk-variables"
            />
            <span id="bulk-variables" className="hint">
              Variables: {VARIABLES}
            </span>
          </label>
        )}
        <button type="submit" className="button" disabled={count === 0}>
          Apply to {count.toLocaleString('en')} {selectedCount > 0 ? 'selected ' : ''}row{count === 1 ? '' : 's'}
          {selectedCount > 0 ? '' : ' of the range'}
        </button>
        <p className="hint" aria-live="polite">
          {count === 0
            ? 'Select rows first (click their boxes, Shift/Ctrl+click, or Ctrl+A for all in the filter).'
            : result}
        </p>
      </form>
      <TemplatesSection
        current={field ? { field, mode, value: mode === 'clear' ? null : value } : null}
        label={labelOf}
      />
    </>
  )
}
