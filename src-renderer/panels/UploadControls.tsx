/**
 * The toolbar's upload line: total progress (bytes, speed, time left, files; main sends at most
 * 5 updates a second) with Pause all / Resume all and Cancel all. Rows whose upload failed or was
 * cancelled offer Retry in their Upload cell. Without storage (no session) it shows nothing.
 */
import { useEffect, useState } from 'react'
import type { UploadProgress } from '../../src-main/contract'
import { api } from '../api'
import { useAppStore } from '../store/app-store'
import { reportFailure } from '../store/report-failure'
import { summariseUploads } from './upload-summary'
import './upload-controls.css'

export function UploadControls() {
  const [progress, setProgress] = useState<UploadProgress | undefined>(undefined)
  const [working, setWorking] = useState(false)
  // Another session opened: its uploads, not the previous session's totals.
  const epoch = useAppStore((s) => s.sessionEpoch)

  useEffect(() => {
    setProgress(undefined)
    let live = true
    let off = (): void => undefined
    try {
      off = api.on('uploadProgress', (p) => live && setProgress(p))
    } catch (err) {
      reportFailure(err, 'Could not follow the uploads')
    }
    // A host without storage answers not-connected: then there is nothing to show.
    api.getUploadProgress().then(
      (p) => live && setProgress((current) => current ?? p),
      () => undefined,
    )
    return () => {
      live = false
      off()
    }
  }, [epoch])

  const summary = summariseUploads(progress)
  if (!summary || !progress) return null

  const act = async (doing: string, command: () => Promise<unknown>): Promise<void> => {
    setWorking(true)
    try {
      const answer = await command()
      if (answer && typeof answer === 'object' && 'paused' in answer) setProgress(answer as UploadProgress)
    } catch (err) {
      reportFailure(err, doing)
    } finally {
      setWorking(false)
    }
  }

  return (
    <div className="upload-controls" role="group" aria-label="Uploads">
      <span className="upload-progress" role="status" aria-live="polite">
        <span className="upload-headline">{summary.headline}</span>{' '}
        <span className="upload-detail" title={summary.detail}>
          {summary.detail}
        </span>
      </span>
      {progress.paused ? (
        <button
          type="button"
          className="button"
          disabled={working}
          onClick={() => void act('Resuming the uploads', () => api.resumeUploads())}
        >
          Resume all
        </button>
      ) : (
        <button
          type="button"
          className="button button-quiet"
          disabled={working}
          title="Stop every upload (finished parts are kept) and hold new ones until Resume"
          onClick={() => void act('Pausing the uploads', () => api.pauseUploads())}
        >
          Pause all
        </button>
      )}
      <button
        type="button"
        className="button button-quiet"
        disabled={working || !summary.busy}
        title="Stop every upload not finished and remove its parts from the bucket; each row can be retried"
        onClick={() => void act('Cancelling the uploads', () => api.cancelUploads({}))}
      >
        Cancel all
      </button>
    </div>
  )
}
