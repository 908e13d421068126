/**
 * The session list: every import on this computer with its profile, when, and counts; open one,
 * start a new import with a profile, delete finished ones. Its own side panel (Esc or Close shuts it).
 */
import { useState } from 'react'
import { useWorkspaceStore } from '../store/workspace-store'
import '../styles/workspace.css'
import { openElsewhereText, sessionCounts, sessionWhen } from './session-text'

function NewImport() {
  const profiles = useWorkspaceStore((s) => s.profiles)
  const switchTo = useWorkspaceStore((s) => s.switchTo)
  const busy = useWorkspaceStore((s) => s.busy)
  const [choice, setChoice] = useState('Sandbox')
  return (
    <div className="panel-form">
      <label className="field">
        Profile for a new import
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="Sandbox">Sandbox (this computer)</option>
          {profiles?.map(({ profile }) => (
            <option key={profile.name} value={profile.name}>
              {profile.name} — {profile.livingdocs.url}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" disabled={busy} onClick={() => void switchTo({ profileName: choice })}>
        Start a new import
      </button>
    </div>
  )
}

export function SessionsPanel() {
  const open = useWorkspaceStore((s) => s.sessionsOpen)
  const setOpen = useWorkspaceStore((s) => s.setSessionsOpen)
  const sessions = useWorkspaceStore((s) => s.sessions)
  const error = useWorkspaceStore((s) => s.sessionsError)
  const busy = useWorkspaceStore((s) => s.busy)
  const switchTo = useWorkspaceStore((s) => s.switchTo)
  const remove = useWorkspaceStore((s) => s.deleteSession)
  const reload = useWorkspaceStore((s) => s.loadSessions)
  if (!open) return null
  return (
    <aside
      className="side-panel"
      aria-label="Sessions"
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false)
      }}
    >
      <header className="panel-head">
        <h2 className="panel-title">Sessions</h2>
        <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
          Close
        </button>
      </header>
      {error && <p className="hint">{error}</p>}
      <ul className="session-list">
        {sessions?.map((s) => (
          <li key={s.id} aria-label={`Session ${s.id}`} aria-current={s.current || undefined}>
            <strong>{s.profileName ?? 'Unknown profile'}</strong> {s.current && <em>(open)</em>}
            <div className="hint">{sessionWhen(s)}</div>
            <div className="hint">{s.problem ? `Cannot be read: ${s.problem}` : sessionCounts(s)}</div>
            {s.openElsewhere && (
              <>
                <div className="hint">{openElsewhereText(s)}</div>
                {/* Read-only viewing is not offered: the list again shows whether it has become free. */}
                <button type="button" className="button small" disabled={busy} onClick={() => void reload()}>
                  Try again
                </button>
              </>
            )}
            {!s.current && !s.problem && !s.openElsewhere && (
              <button
                type="button"
                className="button small"
                disabled={busy}
                onClick={() => void switchTo({ id: s.id })}
              >
                Open
              </button>
            )}
            {!s.current && !s.openElsewhere && (!s.unfinished || s.problem) && (
              <button
                type="button"
                className="button button-quiet small"
                aria-label={`Delete session ${s.id}`}
                onClick={() => {
                  if (
                    window.confirm(
                      `Delete the session ${s.id}? Its rows and results list go; the Media Library keeps its entries.`,
                    )
                  )
                    void remove(s.id)
                }}
              >
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      <h3 className="panel-subtitle">New import</h3>
      <NewImport />
    </aside>
  )
}
