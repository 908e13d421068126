import { useState } from 'react'
import { api } from '../api'
import { reportFailure } from '../store/report-failure'

/**
 * Opens the folder of the app's log files (today's file selected), for a support ticket. Main
 * does the opening; the renderer never learns more than the folder's path.
 */
export function RevealLogsButton({ className = 'button button-quiet' }: { className?: string }) {
  const [opening, setOpening] = useState(false)
  const reveal = async () => {
    setOpening(true)
    try {
      await api.revealLogs()
    } catch (err) {
      reportFailure(err, 'Could not show the logs')
    } finally {
      setOpening(false)
    }
  }
  return (
    <button type="button" className={className} onClick={() => void reveal()} disabled={opening}>
      Reveal logs
    </button>
  )
}
