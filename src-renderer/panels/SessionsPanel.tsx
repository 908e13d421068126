/**
 * The session list: every import on this computer with its name, profile, when, folders and what
 * is left (SessionItem.tsx); open one, rename one, start a new import with a profile, delete
 * finished ones. Its own side panel (Esc or Close shuts it).
 */
import { useState } from 'react'
import { useWorkspaceStore } from '../store/workspace-store'
import '../styles/workspace.css'
import { SessionItem } from './SessionItem'

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
          <SessionItem key={s.id} session={s} />
        ))}
      </ul>
      <h3 className="panel-subtitle">New import</h3>
      <NewImport />
    </aside>
  )
}
