/**
 * Text from outside (file names, CSV cells, server messages, paths) made safe to print on a
 * terminal: a name holding ESC could recolour the screen, move the cursor, set the window title or,
 * with a CR, overwrite a line so a failed row reads "imported" (issue #15). Control characters
 * (C0, DEL, C1) become visible escapes (`\x1b`, `\r`, `\n`), and so do the bidirectional-override
 * characters that reorder what a line shows (the "Trojan Source" characters). A backslash stays
 * as it is, so Windows paths read normally. Every human-readable line the
 * CLI prints goes through here; `--json` output does not (JSON escapes control characters itself,
 * and scripts need the exact text). Pure.
 */

// C0 controls, DEL, C1 controls, bidi embeddings/overrides (U+202A-U+202E), isolates (U+2066-U+2069),
// and the marks U+200E/U+200F/U+061C.
// eslint-disable-next-line no-control-regex -- matching control characters is this module's job
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

function escape(ch: string): string {
  const named = NAMED[ch]
  if (named) return named
  const code = ch.charCodeAt(0)
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
}

/** One value (a name, a message) as one line of visible text. */
export function terminalText(value: string): string {
  return value.replace(UNSAFE, escape)
}

/** Text made of lines: each line made safe, the line breaks kept. */
export function terminalLines(value: string): string {
  return value.split('\n').map(terminalText).join('\n')
}
