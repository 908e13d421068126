/** A value from a list (li-enum items, the project's media types): a native select, so every platform's keyboard and screen reader know it. */
import { useRef } from 'react'
import { formatCellValue } from '../../../src-shared/editing/cell-text'
import { commitMove, STAY, type EditorProps } from './editor-props'

export interface Choice {
  value: string
  label: string
}

export function ChoiceEditor({ label, value, onCommit, onCancel, choices }: EditorProps & { choices: Choice[] }) {
  const done = useRef(false)
  const current = formatCellValue(value)
  const finish = (commit: boolean, next: string, move = STAY) => {
    if (done.current) return
    done.current = true
    if (commit) onCommit(next === '' ? null : next, move)
    else onCancel()
  }
  const known = choices.some((c) => c.value === current)
  return (
    <div className="cell-editor">
      <select
        className="cell-input"
        aria-label={label}
        autoFocus
        defaultValue={current}
        onKeyDown={(e) => {
          e.stopPropagation()
          if (e.key === 'Escape') {
            e.preventDefault()
            finish(false, current)
            return
          }
          const move = commitMove(e.key, e.shiftKey)
          if (move) {
            e.preventDefault()
            finish(true, e.currentTarget.value, move)
          }
        }}
        onBlur={(e) => finish(true, e.currentTarget.value)}
      >
        <option value="">(none)</option>
        {/* A value from a spreadsheet that is not in the list stays visible until it is fixed. */}
        {!known && current !== '' && <option value={current}>{current} (not allowed)</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  )
}
