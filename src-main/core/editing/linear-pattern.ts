/**
 * Regular expressions for find & replace on RE2 (re2-wasm), whose running time grows linearly with
 * the text: a pattern like `(a+)+$` takes microseconds instead of freezing main for minutes while
 * uploads, IPC and the session journal wait (issue #15 point 5). RE2 has no back-references and no
 * look-around — those are exactly what needs backtracking — so such patterns are refused with a
 * sentence naming the construct.
 *
 * re2-wasm 1.0.2 quirks this file works around (checked against the package's build/src/re2.js):
 * - `index` and `lastIndex` count code points, not UTF-16 units, and its own replace() mixes the
 *   two, garbling text after an emoji; so matches are walked here and positions converted.
 * - every call copies the whole input into wasm memory, so walking n matches in a long text costs
 *   n × length; each call gets only the text from one code point before the previous match's end
 *   (RE2's `^`, `$`, `\b` need no more context than that), and work beyond one pass over each cell
 *   is capped so a pattern matching every character of a 100 kB cell is refused, not run for
 *   minutes.
 * - its replace() throws on a lone `$` or `$0`; JavaScript keeps them as text, and so does
 *   expandReplacement here.
 */
import { RE2 } from 're2-wasm'

export class PatternError extends Error {}

export interface PatternMatch {
  /** UTF-16 offsets into the searched text, like String.prototype.indexOf. */
  start: number
  end: number
  /** The match, then groups 1…n (undefined where a group did not take part). */
  groups: (string | undefined)[]
  named: Record<string, string | undefined>
}

/** Text handed to RE2 beyond one pass over each cell, in UTF-16 units (≈ 0.3–0.6 s of work). */
export const RESCAN_BUDGET = 20_000_000

const UNSUPPORTED: [RegExp, string][] = [
  [/\(\?<=/, 'Look-behind `(?<=` is not supported in find & replace patterns.'],
  [/\(\?<!/, 'Negative look-behind `(?<!` is not supported in find & replace patterns.'],
  [/\(\?=/, 'Look-ahead `(?=` is not supported in find & replace patterns.'],
  [/\(\?!/, 'Negative look-ahead `(?!` is not supported in find & replace patterns.'],
  [/\\k</, 'Named back-references like `\\k<name>` are not supported in find & replace patterns.'],
  [/\\[1-9]/, 'Back-references like `\\1` are not supported in find & replace patterns (use $1 in the replacement).'],
]

/** RE2's error codes (re2/regexp.cc) in words an editor can act on. */
const RE2_ERRORS: [string, string][] = [
  ['missing ]', 'a `[` has no closing `]`'],
  ['missing )', 'a `(` has no closing `)`'],
  ['unexpected )', 'a `)` has no opening `(`'],
  ['trailing \\', 'it ends with a lone `\\`'],
  ['invalid repetition size', 'a count in `{…}` is larger than 1000 or out of order'],
  ['bad repetition operator', 'two repetitions follow each other (like `**` or `+?+`)'],
  ['missing argument to repetition operator', 'a `*`, `+`, `?` or `{…}` has nothing before it to repeat'],
  ['invalid character class range', 'a range in `[…]` runs backwards'],
  ['invalid named capture group', 'a group name is not valid'],
  ['pattern too large', 'it is too large'],
]

/**
 * Asked only after RE2 refused the pattern, so `[(?=]` (a class) is never mistaken for look-ahead;
 * escaped backslashes and parentheses are dropped first so `\(?=` (a literal parenthesis) is not either.
 */
function unsupportedIn(pattern: string): string | undefined {
  const unescaped = pattern.replace(/\\\\/g, '').replace(/\\\(/g, '')
  return UNSUPPORTED.find(([re]) => re.test(unescaped))?.[1]
}

/** re2-wasm's message is "Invalid regular expression: /…/gu: <code>: <where>". */
function explain(pattern: string, message: string): string {
  const unsupported = unsupportedIn(pattern)
  if (unsupported) return unsupported
  const words = RE2_ERRORS.find(([code]) => message.includes(`: ${code}`))?.[1]
  if (words) return `Not a valid regular expression: ${words}.`
  const escape = /: invalid escape sequence: (.*)$/s.exec(message)?.[1]
  if (escape) return `Not a valid regular expression: \`${escape}\` is not an escape find & replace knows.`
  const operator = /: invalid perl operator: (.*)$/s.exec(message)?.[1]
  if (operator) return `Not a valid regular expression: \`${operator}\` is not supported in find & replace patterns.`
  return `Not a valid regular expression: ${message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')}.`
}

export class LinearPattern {
  private readonly re: RE2
  private rescanned = 0

  constructor(pattern: string, ignoreCase: boolean) {
    try {
      this.re = new RE2(pattern, ignoreCase ? 'giu' : 'gu')
    } catch (err) {
      throw new PatternError(explain(pattern, err instanceof Error ? err.message : String(err)))
    }
  }

  /** Whether the pattern matches the empty text (then it would match between every character). */
  matchesEmpty(): boolean {
    this.re.lastIndex = 0
    return this.re.exec('') !== null
  }

  /** Every non-overlapping match, left to right. Throws PatternError on an empty match or when the work cap is spent. */
  matchAll(text: string): PatternMatch[] {
    const matches: PatternMatch[] = []
    let from = 0 // UTF-16 offset where the next search starts
    while (from <= text.length) {
      // One code point of context before `from`, so `\b` and `^` see what precedes it.
      const context = from === 0 ? 0 : from - (isLowSurrogate(text, from - 1) ? 2 : 1)
      const slice = text.slice(context)
      if (from > 0) this.spend(slice.length)
      this.re.lastIndex = from === 0 ? 0 : 1
      const found = this.re.exec(slice)
      if (found === null) break
      const whole = found[0] as string
      if (whole === '')
        throw new PatternError('The pattern also matches empty text: make it match at least one character.')
      const start = context + utf16Offset(slice, found.index)
      const end = start + whole.length
      matches.push({ start, end, groups: [...found], named: { ...found.groups } })
      from = end
      if (from === text.length) break
    }
    return matches
  }

  private spend(units: number): void {
    this.rescanned += units
    if (this.rescanned > RESCAN_BUDGET) {
      throw new PatternError(
        'This pattern matches too often in very long texts to run safely: make it more specific, or find plain text.',
      )
    }
  }
}

const isLowSurrogate = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i)
  const before = text.charCodeAt(i - 1)
  return c >= 0xdc00 && c <= 0xdfff && before >= 0xd800 && before <= 0xdbff
}

/** The UTF-16 offset of the code point numbered `codePoints` in `text`. */
function utf16Offset(text: string, codePoints: number): number {
  let offset = 0
  for (let n = 0; n < codePoints && offset < text.length; n++) {
    const c = text.charCodeAt(offset)
    offset += c >= 0xd800 && c <= 0xdbff && offset + 1 < text.length ? 2 : 1
  }
  return offset
}

/**
 * A replacement template as String.prototype.replace reads it: `$1`…`$99` (when that group
 * exists), `$<name>`, `$&`, `` $` ``, `$'`, `$$`; anything else after `$` stays text.
 */
export function expandReplacement(template: string, match: PatternMatch, text: string): string {
  if (!template.includes('$')) return template
  const groupCount = match.groups.length - 1
  return template.replace(/\$(\$|&|`|'|<([^>]*)>|(\d\d?))/g, (token, what: string, name?: string, digits?: string) => {
    if (what === '$') return '$'
    if (what === '&') return match.groups[0] ?? ''
    if (what === '`') return text.slice(0, match.start)
    if (what === "'") return text.slice(match.end)
    if (name !== undefined) return Object.keys(match.named).length === 0 ? token : (match.named[name] ?? '')
    // "$12" is group 12 when there is one, else group 1 followed by "2" (as in JavaScript).
    const two = Number(digits)
    if (digits && digits.length === 2 && two >= 1 && two <= groupCount) return match.groups[two] ?? ''
    const one = Number(digits?.[0])
    if (one >= 1 && one <= groupCount) return (match.groups[one] ?? '') + (digits?.slice(1) ?? '')
    return token
  })
}
