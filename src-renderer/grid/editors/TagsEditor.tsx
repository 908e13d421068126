/**
 * A list of texts (li-string-list) as tags: Enter or a comma adds the typed tag, Backspace in an
 * empty field removes the last one, Enter on an empty field commits. Suggested items (the
 * property's data provider) are offered while typing; any text is allowed.
 */
import { useId, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { splitList } from '../../../src-shared/editing/cell-text'
import { commitMove, STAY, type EditorProps } from './editor-props'

const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? splitList(value)
      : []

export function TagsEditor({ label, value, initial, property, onCommit, onCancel }: EditorProps) {
  const [tags, setTags] = useState(() => asList(value))
  const [draft, setDraft] = useState(initial ?? '')
  const done = useRef(false)
  const listId = useId()
  const withDraft = (): string[] => {
    const more = splitList(draft).filter((t) => !tags.includes(t))
    return [...tags, ...more]
  }
  const finish = (commit: boolean, move = STAY) => {
    if (done.current) return
    done.current = true
    if (commit) onCommit(withDraft(), move)
    else onCancel()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation()
    if (e.key === 'Escape') {
      e.preventDefault()
      finish(false)
    } else if ((e.key === 'Enter' || e.key === ',') && draft.trim() !== '') {
      e.preventDefault()
      setTags(withDraft())
      setDraft('')
    } else if (e.key === 'Backspace' && draft === '' && tags.length > 0) {
      e.preventDefault()
      setTags(tags.slice(0, -1))
    } else {
      const move = commitMove(e.key, e.shiftKey)
      if (move) {
        e.preventDefault()
        finish(true, move)
      }
    }
  }
  return (
    <div className="cell-editor cell-editor-tags">
      <ul className="tags" aria-label={`${label}: tags`}>
        {tags.map((tag) => (
          <li className="tag" key={tag}>
            {tag}
          </li>
        ))}
      </ul>
      <input
        className="cell-input"
        aria-label={`${label}: add a tag`}
        autoFocus
        list={listId}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => finish(true)}
      />
      <datalist id={listId}>
        {(property?.allowedValues ?? []).map((v) => (
          <option key={String(v)} value={String(v)} />
        ))}
      </datalist>
    </div>
  )
}
