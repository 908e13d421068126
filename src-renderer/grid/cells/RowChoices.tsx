/**
 * The Status cell of a row that offers a way out (row-choices.ts; the words are core
 * `WAY_OUT_LABELS`): "Link to entry <id>" or "Change the externalId" on an externalId conflict,
 * "Import as file" on a damaged image or video, "Shorten" a value too long, "Re-submit" a failed
 * submit, "Retry" a failed upload, or "Fix the profile" when its credentials or bucket are wrong;
 * the status text follows. Buttons are out of the tab order like every cell's content: Enter or
 * F2 on the cell moves onto them, Esc goes back to the grid.
 */
import type { Row } from '../../../src-main/contract'
import { WAY_OUT_LABELS } from '../../../src-shared/rows/row-state'
import { editExternalId } from '../problems/problem-nav'
import { columnText, columnTooltip } from '../cell-display'
import type { GridColumn } from '../column-model'
import { canPushLinked } from './linked-push'
import {
  askImportAgain,
  backToGrid,
  importRowsAsFiles,
  linkRows,
  openProfileSettings,
  pushLinkedRow,
  resubmitRows,
  retryRowUploads,
  shortenRowValues,
} from './row-choice-actions'
import {
  canChangeExternalId,
  canImportAgain,
  canImportAsFile,
  canResubmit,
  linkTarget,
  needsProfileFix,
  valuesToShorten,
} from './row-choices'
import { canRetryUpload } from './upload-retry'
import './row-choices.css'

interface ChoiceProps {
  label: string
  /** What a screen reader hears: the choice and the file. */
  name: string
  title: string
  onClick(): void
}

function Choice({ label, name, title, onClick }: ChoiceProps) {
  return (
    <button
      type="button"
      className="choice-button"
      tabIndex={-1}
      aria-label={name}
      title={title}
      onClick={onClick}
      onKeyDown={backToGrid}
    >
      {label}
    </button>
  )
}

export function RowChoices({ row, column }: { row: Row; column: GridColumn }) {
  const target = linkTarget(row)
  const text = columnText(column, row)
  const file = row.relativePath
  const shorten = valuesToShorten(row)
  const profile = needsProfileFix(row)
  return (
    <span className="row-choices">
      {target !== undefined && (
        <Choice
          label={`Link to entry ${target}`}
          name={`Link ${file} to library entry ${target}`}
          title={`Accept library entry ${target} as this file's entry (nothing is sent), or change the externalId`}
          onClick={() => void linkRows([row.rowId])}
        />
      )}
      {canChangeExternalId(row) && (
        <Choice
          label={WAY_OUT_LABELS['change-external-id']}
          name={`Change the externalId of ${file}`}
          title="Type another externalId in this row's externalId cell"
          onClick={() => editExternalId(row.rowId)}
        />
      )}
      {canImportAsFile(row) && (
        <Choice
          label={WAY_OUT_LABELS['import-as-file']}
          name={`Import ${file} as a file`}
          title="Upload the bytes as a plain file; the problem stays on the row as a warning"
          onClick={() => void importRowsAsFiles([row.rowId])}
        />
      )}
      {shorten > 0 && (
        <Choice
          label={WAY_OUT_LABELS.shorten}
          name={`Shorten ${shorten === 1 ? 'the value' : `${shorten} values`} of ${file} that are too long`}
          title="Cut at a word to the field's limit, marked shortened; Undo brings the text back"
          onClick={() => void shortenRowValues([row.rowId])}
        />
      )}
      {canImportAgain(row) && (
        <Choice
          label="Import again as a new entry"
          name={`Import ${file} again as a new entry`}
          title="The library already holds this file; import it once more as a separate entry (a new identity)"
          onClick={() => askImportAgain([row.rowId])}
        />
      )}
      {canPushLinked(row) && (
        <Choice
          label="Send this row's metadata to the entry"
          name={`Send the metadata of ${file} to library entry ${row.result?.mediaId ?? ''}`}
          title="Shows the fields that would change in the library's entry first, then sends them"
          onClick={() => void pushLinkedRow(row.rowId, row.relativePath)}
        />
      )}
      {canResubmit(row) && (
        <Choice
          label={WAY_OUT_LABELS.resubmit}
          name={`Re-submit ${file}`}
          title="Send this row again with the same entry id; the library never gets a second entry"
          onClick={() => void resubmitRows([row.rowId])}
        />
      )}
      {profile && (
        <Choice
          label={WAY_OUT_LABELS['fix-profile']}
          name={`Fix the profile (the upload of ${file} was refused)`}
          title="Open the settings: check the profile's keys and buckets, then Retry"
          onClick={openProfileSettings}
        />
      )}
      {!profile && canRetryUpload(row) && (
        <Choice
          label={WAY_OUT_LABELS['retry-upload']}
          name={`Retry the upload of ${file}`}
          title="Check the file again and continue its upload where it stopped"
          onClick={() => void retryRowUploads([row.rowId], `Retrying the upload of ${file}`)}
        />
      )}
      <span className="choice-status" title={columnTooltip(column, row) ?? text}>
        {text}
      </span>
    </span>
  )
}
