/**
 * ARCHITECTURE.md draws a row's life from the transition table: the text between its markers must
 * be exactly what `row-lifecycle-diagram.ts` writes from TRANSITIONS, so a changed arrow in the
 * code fails here until the document shows it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lifecycleMermaid, lifecycleTable } from './row-lifecycle-diagram'

const BEGIN =
  '<!-- row-lifecycle: written from src-main/core/pipeline/row-lifecycle.ts, checked by its diagram test -->'
const END = '<!-- /row-lifecycle -->'

function documented(): string {
  const text = readFileSync(join(__dirname, '..', '..', '..', 'ARCHITECTURE.md'), 'utf8')
  const start = text.indexOf(BEGIN)
  const end = text.indexOf(END)
  if (start < 0 || end < start) throw new Error(`ARCHITECTURE.md has no "${BEGIN}" … "${END}" block`)
  return text.slice(start + BEGIN.length, end).trim()
}

describe("ARCHITECTURE.md's row lifecycle", () => {
  it('is the transition table, drawn and listed', () => {
    // On a mismatch, paste the expected text between the markers.
    expect(documented()).toBe(`${lifecycleMermaid()}\n\n${lifecycleTable()}`)
  })

  it('draws every arrow of the table', () => {
    expect(lifecycleMermaid()).toContain('  [*] --> scanned: found\n')
    expect(lifecycleMermaid()).toContain('  submitting --> uploaded: failed, not-found-after-crash\n')
    expect(lifecycleTable()).toContain('| `link` | `conflict` | `imported` |')
  })
})
