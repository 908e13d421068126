/**
 * The Upload cell of a row whose upload failed or was cancelled: a "Retry upload" button and
 * why it stopped (which file, what happened, what to do). The button is out of the tab order like
 * every cell's content: Enter or F2 on the cell moves onto it, Esc goes back to the grid.
 */
import type { Row } from '../../../src-main/contract'
import { backToGrid, retryRowUploads } from './row-choice-actions'
import { retryReason } from './upload-retry'
import './row-choices.css'

const retryUpload = (row: Row) => retryRowUploads([row.rowId], `Retrying the upload of ${row.relativePath}`)

export function UploadRetryCell({ row }: { row: Row }) {
  const reason = retryReason(row)
  return (
    <span className="row-choices upload-retry">
      <button
        type="button"
        className="choice-button"
        tabIndex={-1}
        aria-label={`Retry upload of ${row.relativePath}`}
        title="Check the file again and upload it (an unchanged file continues where it stopped)"
        onClick={() => void retryUpload(row)}
        onKeyDown={backToGrid}
      >
        Retry upload
      </button>
      <span className="choice-status" title={reason}>
        {reason}
      </span>
    </span>
  )
}
