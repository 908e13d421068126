/**
 * On start: if sessions other than the open one were left unfinished, ask once whether to reopen
 * one (name, profile, when, folders, counts each); a session offered at an earlier start is not
 * offered again (workspace-store.ts), it stays in the Sessions panel, with Reopen or Not now. A modal dialog: focus starts on the
 * first choice and Esc means Not now.
 */
import { useEffect, useRef } from 'react'
import { useAppStore } from '../store/app-store'
import { useWorkspaceStore } from '../store/workspace-store'
import { sessionCounts, sessionFolders, sessionWhen } from './session-text'

export function ReopenDialog() {
  const ready = useAppStore((s) => s.appInfo !== null)
  const offer = useWorkspaceStore((s) => s.reopenOffer)
  const answer = useWorkspaceStore((s) => s.answerReopen)
  const offerReopen = useWorkspaceStore((s) => s.offerReopen)
  const switchTo = useWorkspaceStore((s) => s.switchTo)
  const busy = useWorkspaceStore((s) => s.busy)
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (ready) void offerReopen()
  }, [ready, offerReopen])
  const open = ready && !!offer && offer.length > 0
  useEffect(() => {
    if (open) first.current?.focus()
  }, [open])
  if (!open || !offer) return null

  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="reopen-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') answer()
        }}
      >
        <h2 id="reopen-title">Reopen an unfinished import?</h2>
        <p className="hint">These imports still have files that are not in the Media Library.</p>
        <ul className="session-list">
          {offer.map((s, i) => (
            <li key={s.id} aria-label={`${s.name}, session ${s.id}`}>
              <strong>{s.name}</strong> — {s.profileName}, {sessionWhen(s)}
              <div className="hint">{sessionFolders(s)}</div>
              <div className="hint">{sessionCounts(s)}</div>
              <button
                ref={i === 0 ? first : undefined}
                type="button"
                className="button small"
                disabled={busy}
                aria-label={`Reopen the ${s.profileName} import "${s.name}", ${sessionWhen(s)}`}
                onClick={() => {
                  answer()
                  void switchTo({ id: s.id })
                }}
              >
                Reopen
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="button button-quiet" onClick={answer}>
          Not now
        </button>
      </div>
    </div>
  )
}
