/**
 * What is wrong, grouped: "Title: Title is required. ×212", "externalId: … must be unique ×9".
 * A group's button filters the grid to its rows; the cells themselves carry the marks. Below,
 * the ways out that apply to many rows at once: link every externalId conflict to the entry the
 * library holds, import every damaged image or video (or video without duration) as a file, import
 * every row already in the library again as a new entry. Those change many rows with one click,
 * so they ask first, with the count.
 */
import { useMemo } from 'react'
import { choiceGroups, confirmChoice } from '../grid/cells/row-choices'
import { askImportAgain, importRowsAsFiles, linkRows } from '../grid/cells/row-choice-actions'
import '../grid/cells/row-choices.css'
import { useAppStore } from '../store/app-store'
import { useRowSummary } from '../store/row-summary'

/** Worked out when the panel's figures are published (a few times a second at most), not per patch. */
function useChoiceGroups() {
  const summary = useRowSummary((s) => s)
  return useMemo(() => {
    void summary
    return choiceGroups(useAppStore.getState().session.byId.values())
  }, [summary])
}

function ChoiceButtons({ link, asFile, again }: { link: string[]; asFile: string[]; again: string[] }) {
  if (link.length === 0 && asFile.length === 0 && again.length === 0) return null
  return (
    <ul className="choice-groups" aria-label="Ways out for many rows">
      {link.length > 0 && (
        <li>
          <button
            type="button"
            className="error-group choice-group"
            onClick={() => window.confirm(confirmChoice('link', link.length)) && void linkRows(link)}
            aria-label={`Link ${link.length} conflict rows to the entries the library already holds`}
          >
            <span className="error-field">externalId</span>
            <span className="error-message">Link each conflict to the entry the library holds</span>
            <span className="error-count">×{link.length.toLocaleString('en')}</span>
          </button>
        </li>
      )}
      {asFile.length > 0 && (
        <li>
          <button
            type="button"
            className="error-group choice-group"
            onClick={() => window.confirm(confirmChoice('asFile', asFile.length)) && void importRowsAsFiles(asFile)}
            aria-label={`Import ${asFile.length} damaged images or videos as files`}
          >
            <span className="error-field">File</span>
            <span className="error-message">Import damaged files and videos without duration as files</span>
            <span className="error-count">×{asFile.length.toLocaleString('en')}</span>
          </button>
        </li>
      )}
      {again.length > 0 && (
        <li>
          <button
            type="button"
            className="error-group choice-group"
            onClick={() => askImportAgain(again)}
            aria-label={`Import ${again.length} rows already in the library again as new entries`}
          >
            <span className="error-field">Already in the library</span>
            <span className="error-message">Import again as new entries (the existing entries stay)</span>
            <span className="error-count">×{again.length.toLocaleString('en')}</span>
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
  const setFilter = useAppStore((s) => s.setFilter)
  const { link, asFile, again } = useChoiceGroups()
  if (groups.length === 0 && link.length === 0 && asFile.length === 0 && again.length === 0) return null
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
              onClick={() => setFilter({ issueKey: issueKey === g.key ? null : g.key, rowClass: null })}
            >
              <span className="error-field">{labelOf(g.field)}</span>
              <span className="error-message">{g.rows === 1 ? g.example : g.message}</span>
              <span className="error-count">×{g.rows.toLocaleString('en')}</span>
            </button>
          </li>
        ))}
      </ul>
      <ChoiceButtons link={link} asFile={asFile} again={again} />
    </section>
  )
}
