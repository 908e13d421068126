/**
 * An embedded value longer than the field allows is shortened, not refused: a caption desk cuts an
 * agency's 250-character headline to the title's limit at a word and carries on. The cut is at
 * the last space that leaves room for "…" (or mid-word when the text has no space in its first
 * half, so little is lost), and lengths count code points as the validator does
 * (validation/plugin-values.ts), so an emoji is one character and never split.
 */
export const ELLIPSIS = '…'

export function shortenAtWord(text: string, maxLength: number): string {
  const points = [...text]
  if (points.length <= maxLength) return text
  if (maxLength < 2) return points.slice(0, maxLength).join('')
  const room = points.slice(0, maxLength - 1)
  const head = room.join('')
  // The room ends at a word's end when the next character is a space.
  const space = /\s/.test(points[maxLength - 1] ?? '') ? head.length : head.search(/\s\S*$/)
  const cut = space >= Math.floor(head.length / 2) ? head.slice(0, space) : head
  return cut.replace(/[\s,;:.\-–—]+$/, '') + ELLIPSIS
}

/** Line breaks become spaces where the field is one line (a caption mapped into a title). */
export const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ').trim()
