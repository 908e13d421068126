/**
 * A metadata value that fell back to the file name because the file embeds none (and the
 * project maps none): the text, marked so the editor knows it was not found in the file. The
 * mark's label is drawn by CSS, so the cell's text stays the value itself (copy, find, tests).
 */
import './cells.css'

export const FALLBACK_TEXT = 'Taken from the file name: the file embeds no value here. Type a better one.'

/** `label` and `description` default to the file-name fallback; a shortened prefill passes its own. */
export function FallbackValue({
  text,
  label = 'from file name',
  description = FALLBACK_TEXT,
}: {
  text: string
  label?: string
  description?: string
}) {
  return (
    <span className="fallback-value" aria-description={description}>
      <span className="fallback-text">{text}</span>
      <span className="fallback-mark" data-label={label} title={description} aria-hidden="true" />
    </span>
  )
}
