/**
 * The Status cell of a row that offers a way out: "Link to entry <id>" with the hint "or change
 * the externalId" on an externalId conflict, "Import as file" on a damaged image or video; the
 * status text follows. Buttons are out of the tab order like every cell's content: Enter or F2 on
 * the cell moves onto them, Esc goes back to the grid.
 */
import type { Row } from '../../../src-main/contract'
import { columnText, columnTooltip } from '../cell-display'
import type { GridColumn } from '../column-model'
import { canPushLinked } from './linked-push'
import {
  askImportAgain,
  backToGrid,
  importRowsAsFiles,
  linkRows,
  pushLinkedRow,
  resubmitRows,
} from './row-choice-actions'
import { canImportAgain, canImportAsFile, canResubmit, linkTarget } from './row-choices'
import './row-choices.css'

export function RowChoices({ row, column }: { row: Row; column: GridColumn }) {
  const target = linkTarget(row)
  const text = columnText(column, row)
  return (
    <span className="row-choices">
      {target !== undefined && (
        <>
          <button
            type="button"
            className="choice-button"
            tabIndex={-1}
            aria-label={`Link ${row.relativePath} to library entry ${target}`}
            title={`Accept library entry ${target} as this file's entry (nothing is sent), or change the externalId`}
            onClick={() => void linkRows([row.rowId])}
            onKeyDown={backToGrid}
          >
            Link to entry {target}
          </button>
          <span className="choice-hint">or change the externalId</span>
        </>
      )}
      {canImportAsFile(row) && (
        <button
          type="button"
          className="choice-button"
          tabIndex={-1}
          aria-label={`Import ${row.relativePath} as a file`}
          title="Upload the bytes as a plain file; the problem stays on the row as a warning"
          onClick={() => void importRowsAsFiles([row.rowId])}
          onKeyDown={backToGrid}
        >
          Import as file
        </button>
      )}
      {canImportAgain(row) && (
        <button
          type="button"
          className="choice-button"
          tabIndex={-1}
          aria-label={`Import ${row.relativePath} again as a new entry`}
          title="The library already holds this file; import it once more as a separate entry (a new identity)"
          onClick={() => askImportAgain([row.rowId])}
          onKeyDown={backToGrid}
        >
          Import again as a new entry
        </button>
      )}
      {canPushLinked(row) && (
        <button
          type="button"
          className="choice-button"
          tabIndex={-1}
          aria-label={`Send the metadata of ${row.relativePath} to library entry ${row.result?.mediaId ?? ''}`}
          title="Shows the fields that would change in the library's entry first, then sends them"
          onClick={() => void pushLinkedRow(row.rowId, row.relativePath)}
          onKeyDown={backToGrid}
        >
          Send this row&apos;s metadata to the entry
        </button>
      )}
      {canResubmit(row) && (
        <button
          type="button"
          className="choice-button"
          tabIndex={-1}
          aria-label={`Re-submit ${row.relativePath}`}
          title="Send this row again with the same entry id; the library never gets a second entry"
          onClick={() => void resubmitRows([row.rowId])}
          onKeyDown={backToGrid}
        >
          Re-submit
        </button>
      )}
      <span className="choice-status" title={columnTooltip(column, row) ?? text}>
        {text}
      </span>
    </span>
  )
}
