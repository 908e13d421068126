/**
 * Text, numbers, dates and identity fields. Multiline text (a property that allows line breaks)
 * gets a text area where Shift+Enter or Alt+Enter adds a line; a maximum length shows a counter
 * that turns red past the limit (the value is kept: validation then says what to shorten).
 */
import { useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { formatCellValue } from '../../../src-shared/editing/cell-text'
import { commitMove, STAY, type EditorProps } from './editor-props'

export function TextEditor({ label, value, initial, property, onCommit, onCancel }: EditorProps) {
  const [text, setText] = useState(initial ?? formatCellValue(value))
  const done = useRef(false)
  const multiline =
    property?.plugin === 'li-text' && property.allowNewlines !== false && (property.maxLength ?? 1000) > 200
  const isDate = property?.plugin === 'li-date'
  const max = property?.maxLength
  const length = [...text].length

  const finish = (commit: boolean, move = STAY) => {
    if (done.current) return
    done.current = true
    if (commit) onCommit(text, move)
    else onCancel()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    e.stopPropagation()
    if (e.key === 'Escape') {
      e.preventDefault()
      finish(false)
      return
    }
    if (e.key === 'Enter' && multiline && (e.shiftKey || e.altKey)) {
      if (e.altKey) {
        e.preventDefault()
        setText((t) => `${t}\n`)
      }
      return
    }
    const move = commitMove(e.key, e.shiftKey)
    if (move) {
      e.preventDefault()
      finish(true, move)
    }
  }
  const common = {
    'aria-label': label,
    className: 'cell-input',
    value: text,
    autoFocus: true,
    onKeyDown,
    onBlur: () => finish(true),
    // The caret goes to the end, not the start, of the value being edited.
    onFocus: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      const end = e.currentTarget.value.length
      e.currentTarget.setSelectionRange(end, end)
    },
  }
  return (
    <div className={multiline ? 'cell-editor cell-editor-multiline' : 'cell-editor'}>
      {multiline ? (
        <textarea {...common} rows={4} onChange={(e) => setText(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={property?.plugin === 'li-integer' ? 'numeric' : undefined}
          placeholder={isDate ? 'YYYY-MM-DD' : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      )}
      {max !== undefined && (
        <span className={length > max ? 'cell-counter over' : 'cell-counter'} aria-live="polite">
          {length}/{max}
        </span>
      )}
    </div>
  )
}
