/**
 * What is wrong, grouped: "Title: Title is required. ×212", "externalId: … must be unique ×9".
 * A group's button shows its rows (and only those, in a chip above the grid), selects them and goes
 * to the first affected cell (grid/problems/); the cells themselves carry the marks. Below,
 * the ways out that apply to many rows at once: link every externalId conflict to the entry the
 * library holds, import every damaged image or video (or video without duration) as a file,
 * shorten every value too long, re-submit every failed row, retry every failed upload (or fix the
 * profile first when its keys or buckets were refused), import every row already in the library
 * again as a new entry. Those change many rows with one click, so they ask first, with the count
 * (row-choices.ts confirmChoice: one question for all).
 */
import { confirmChoice, type ChoiceGroups, type ManyRowsChoice } from '../grid/cells/row-choices'
import { manyRowsActions, openProfileSettings } from '../grid/cells/row-choice-actions'
import { showIssue } from '../grid/problems/problem-nav'
import '../grid/cells/row-choices.css'
import { useAppStore } from '../store/app-store'
import { useRowSummary } from '../store/row-summary'

interface ManyRows {
  choice: ManyRowsChoice
  field: string
  message: string
  /** What a screen reader hears, with the count. */
  name: (n: string) => string
}

/** The ways out the panel applies to every row that has them; each asks first, with the count. */
const MANY_ROWS: ManyRows[] = [
  {
    choice: 'link',
    field: 'externalId',
    message: 'Link each conflict to the entry the library holds',
    name: (n) => `Link ${n} conflict rows to the entries the library already holds`,
  },
  {
    choice: 'asFile',
    field: 'File',
    message: 'Import damaged files and videos without duration as files',
    name: (n) => `Import ${n} damaged images or videos as files`,
  },
  {
    choice: 'again',
    field: 'Already in the library',
    message: 'Import again as new entries (the existing entries stay)',
    name: (n) => `Import ${n} rows already in the library again as new entries`,
  },
  {
    choice: 'shorten',
    field: 'Too long',
    message: 'Shorten every value too long for its field, at a word',
    name: (n) => `Shorten ${n} values too long for their fields`,
  },
  {
    choice: 'resubmit',
    field: 'Import',
    message: 'Re-submit every failed row (same entry ids)',
    name: (n) => `Re-submit ${n} failed rows`,
  },
  {
    choice: 'retry',
    field: 'Upload',
    message: 'Retry every failed or cancelled upload',
    name: (n) => `Retry ${n} uploads`,
  },
]

function ChoiceButtons({ groups }: { groups: ChoiceGroups }) {
  const offered = MANY_ROWS.filter((m) => groups[m.choice].length > 0)
  if (offered.length === 0 && groups.fixProfile === 0) return null
  return (
    <ul className="choice-groups" aria-label="Ways out for many rows">
      {offered.map((m) => {
        const rows = groups[m.choice]
        // "Shorten 12 values?" counts values; the others count rows.
        const count = m.choice === 'shorten' ? groups.shortenValues : rows.length
        return (
          <li key={m.choice}>
            <button
              type="button"
              className="error-group choice-group"
              data-choice={m.choice}
              onClick={() => window.confirm(confirmChoice(m.choice, count)) && void manyRowsActions[m.choice](rows)}
              aria-label={m.name(count.toLocaleString('en'))}
            >
              <span className="error-field">{m.field}</span>
              <span className="error-message">{m.message}</span>
              <span className="error-count">×{count.toLocaleString('en')}</span>
            </button>
          </li>
        )
      })}
      {groups.fixProfile > 0 && (
        <li>
          <button
            type="button"
            className="error-group choice-group"
            data-choice="fix-profile"
            onClick={openProfileSettings}
            aria-label={`Fix the profile: ${groups.fixProfile} uploads were refused for its keys or buckets`}
          >
            <span className="error-field">Upload</span>
            <span className="error-message">Fix the profile (keys or buckets), then Retry</span>
            <span className="error-count">×{groups.fixProfile.toLocaleString('en')}</span>
          </button>
        </li>
      )}
    </ul>
  )
}

export function ErrorPanel() {
  const groups = useRowSummary((s) => s.groups)
  const columns = useAppStore((s) => s.columns)
  const issueKey = useAppStore((s) => s.filter.issueKey)
  // Followed patch by patch with the counts (store/choice-tracker.ts), published with them.
  const choices = useRowSummary((s) => s.choices)
  const anyChoice = MANY_ROWS.some((m) => choices[m.choice].length > 0) || choices.fixProfile > 0
  if (groups.length === 0 && !anyChoice) return null
  const labelOf = (field: string) => columns.find((c) => c.field === field)?.label ?? field
  return (
    <section className="error-panel" aria-label="Errors">
      <h2 className="panel-title">Errors</h2>
      <ul>
        {groups.map((g) => (
          <li key={g.key}>
            <button
              type="button"
              className="error-group"
              aria-pressed={issueKey === g.key}
              data-source={g.source}
              title="Show these rows and go to the first cell (F8: the next problem)"
              onClick={() => showIssue(g.key)}
            >
              <span className="error-field">{labelOf(g.field)}</span>
              <span className="error-message">{g.rows === 1 ? g.example : g.message}</span>
              <span className="error-count">×{g.rows.toLocaleString('en')}</span>
            </button>
          </li>
        ))}
      </ul>
      <ChoiceButtons groups={choices} />
    </section>
  )
}
