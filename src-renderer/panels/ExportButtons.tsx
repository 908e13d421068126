/**
 * Exports the results (path, entry id, media id, status, errors) for the document import that
 * follows. Main writes the file the editor chooses in its save dialog; where there is no dialog
 * (a browser window) the file is downloaded instead.
 */
import { useState } from 'react'
import { api } from '../api'
import { reportFailure } from '../store/report-failure'

function download(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // The click has handed the blob to the download; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

export function ExportButtons() {
  const [message, setMessage] = useState('')
  const run = async (format: 'csv' | 'json') => {
    try {
      const answer = await api.exportResults({ format })
      if (answer.saved === 'download' && answer.content !== undefined) {
        download(answer.fileName, answer.content, format === 'csv' ? 'text/csv' : 'application/json')
        setMessage(`${answer.records.toLocaleString('en')} rows exported to ${answer.fileName}.`)
      } else if (answer.saved === 'file')
        setMessage(`${answer.records.toLocaleString('en')} rows exported to ${answer.path ?? answer.fileName}.`)
      else setMessage('')
    } catch (err) {
      reportFailure(err, 'Could not export the results')
    }
  }
  return (
    <div className="export-buttons" role="group" aria-label="Export results">
      <button type="button" className="button button-quiet" onClick={() => void run('csv')}>
        Export CSV
      </button>
      <button type="button" className="button button-quiet" onClick={() => void run('json')}>
        Export JSON
      </button>
      <span className="hint" aria-live="polite">
        {message}
      </span>
    </div>
  )
}
