/**
 * The folder chooser of the browser version (`media-import ui`): a browser has no system folder
 * picker and never says where dropped files live, so the server lists folders on this computer
 * (`listFolders`) and the editor walks to one and adds it. Shown only when the picker answers
 * `no-system-picker`, which only the browser server does. A modal dialog; Esc cancels.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { FolderListing } from '../../src-main/contract'
import { api } from '../api'
import '../styles/folder-chooser.css'

export function FolderChooser({ onChoose, onClose }: { onChoose: (path: string) => void; onClose: () => void }) {
  const [listing, setListing] = useState<FolderListing | null>(null)
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const first = useRef<HTMLButtonElement>(null)

  const open = useCallback(async (path?: string) => {
    setBusy(true)
    try {
      const next = await api.listFolders(path === undefined ? {} : { path })
      setListing(next)
      setTyped(next.path)
      setError(null)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }, [])

  useEffect(() => {
    void open()
  }, [open])
  useEffect(() => {
    first.current?.focus()
  }, [listing])

  return (
    <div className="modal-backdrop">
      <div
        className="modal folder-chooser"
        role="dialog"
        aria-modal="true"
        aria-labelledby="folder-chooser-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose()
        }}
      >
        <h2 id="folder-chooser-title">Choose a folder on this computer</h2>
        <form
          className="folder-chooser-path"
          onSubmit={(e) => {
            e.preventDefault()
            if (typed.trim()) void open(typed.trim())
          }}
        >
          <input aria-label="Folder path" value={typed} onChange={(e) => setTyped(e.target.value)} spellCheck={false} />
          <button type="submit" className="button small" disabled={busy}>
            Go
          </button>
        </form>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <ul className="folder-list" aria-label="Folders" aria-busy={busy}>
          {listing?.parent && (
            <li>
              <button ref={first} type="button" className="folder-entry" onClick={() => void open(listing.parent!)}>
                ↑ Up to {listing.parent}
              </button>
            </li>
          )}
          {listing?.folders.map((folder, i) => (
            <li key={folder.path}>
              <button
                ref={i === 0 && !listing.parent ? first : undefined}
                type="button"
                className="folder-entry"
                onClick={() => void open(folder.path)}
              >
                📁 {folder.name}
              </button>
            </li>
          ))}
          {listing && listing.folders.length === 0 && <li className="hint">No folders in here.</li>}
        </ul>
        {listing?.truncated && <p className="hint">Only the first {listing.folders.length} folders are listed.</p>}
        <div className="folder-chooser-actions">
          <button
            type="button"
            className="button"
            disabled={!listing || busy}
            onClick={() => listing && onChoose(listing.path)}
          >
            {listing ? `Add ${listing.path}` : 'Add this folder'}
          </button>
          <button type="button" className="button-quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  )
}
