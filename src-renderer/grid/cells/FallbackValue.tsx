/**
 * A metadata value that fell back to the file name because the file embeds none (and the
 * project maps none): the text, marked so the editor knows it was not found in the file and
 * that a desk would not publish it ("needs a title", in the warning colour; it never blocks a
 * submit: file-name-titles.ts). The mark's label is drawn by CSS, so the cell's text stays the
 * value itself (copy, find, tests). Also the Status cell's note on such a row, and a value
 * shortened to fit (a plain mark).
 */
import './cells.css'

export const FALLBACK_TEXT =
  'Taken from the file name: the file embeds no value here. Type a title a reader would understand (not required to submit).'

/** `label` and `description` default to the file-name fallback; a shortened prefill passes its own. */
export function FallbackValue({
  text,
  label = 'needs a title',
  description = FALLBACK_TEXT,
  warn = label === 'needs a title',
}: {
  text: string
  label?: string
  description?: string
  /** Drawn in the warning colour: our taste, not the server's rule. */
  warn?: boolean
}) {
  return (
    <span className="fallback-value" aria-description={description}>
      <span className="fallback-text">{text}</span>
      <span
        className="fallback-mark"
        data-label={label}
        data-warn={warn ? '' : undefined}
        title={description}
        aria-hidden="true"
      />
    </span>
  )
}
