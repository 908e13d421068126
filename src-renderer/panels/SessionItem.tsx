/**
 * One session in the Sessions panel: its name (the editor's, else what was dropped first and
 * when: src-shared/session/session-name.ts), profile, when, folders and what is left; Open,
 * Rename and Delete. Renaming is a small form in place: Enter saves, Esc cancels (without
 * closing the panel), an empty name goes back to the one after what was dropped.
 */
import { useState } from 'react'
import type { WorkspaceSession } from '../../src-main/contract'
import { useWorkspaceStore } from '../store/workspace-store'
import { openElsewhereText, sessionCounts, sessionFolders, sessionWhen } from './session-text'

function RenameForm({ session, done }: { session: WorkspaceSession; done: () => void }) {
  const rename = useWorkspaceStore((s) => s.renameSession)
  const [name, setName] = useState(session.named ? session.name : '')
  return (
    <form
      className="session-rename"
      aria-label={`Rename session ${session.name}`}
      onSubmit={(e) => {
        e.preventDefault()
        void rename(session.id, name).then((ok) => ok && done())
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.stopPropagation()
        done()
      }}
    >
      <input
        className="text-input"
        aria-label="Session name"
        // What an empty name goes back to: what was dropped first, and when.
        placeholder={session.named ? 'After what was dropped, and when' : session.name}
        maxLength={120}
        value={name}
        // The editor just asked to type a name.
        autoFocus
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="button small">
        Save name
      </button>
      <button type="button" className="button button-quiet small" onClick={done}>
        Cancel
      </button>
    </form>
  )
}

export function SessionItem({ session: s }: { session: WorkspaceSession }) {
  const busy = useWorkspaceStore((st) => st.busy)
  const switchTo = useWorkspaceStore((st) => st.switchTo)
  const remove = useWorkspaceStore((st) => st.deleteSession)
  const reload = useWorkspaceStore((st) => st.loadSessions)
  const [renaming, setRenaming] = useState(false)
  return (
    <li aria-label={`${s.name}, session ${s.id}`} aria-current={s.current || undefined}>
      <strong className="session-name">{s.name}</strong> {s.current && <em>(open)</em>}
      <div className="hint">
        {s.profileName ?? 'Unknown profile'} · {sessionWhen(s)}
      </div>
      {!s.problem && <div className="hint">{sessionFolders(s)}</div>}
      <div className="hint">{s.problem ? `Cannot be read: ${s.problem}` : sessionCounts(s)}</div>
      {s.openElsewhere && (
        <>
          <div className="hint">{openElsewhereText(s)}</div>
          {/* Try again: the list again shows whether it has become free (then Open). */}
          <button type="button" className="button small" disabled={busy} onClick={() => void reload()}>
            Try again
          </button>{' '}
          <button
            type="button"
            className="button button-quiet small"
            disabled={busy}
            aria-label={`Open session ${s.name} read-only`}
            onClick={() => void switchTo({ id: s.id, readOnly: true })}
          >
            Open read-only
          </button>
        </>
      )}
      {renaming && <RenameForm session={s} done={() => setRenaming(false)} />}
      <div className="session-actions">
        {!s.current && !s.problem && !s.openElsewhere && (
          <button type="button" className="button small" disabled={busy} onClick={() => void switchTo({ id: s.id })}>
            Open
          </button>
        )}
        {!renaming && !s.problem && !s.openElsewhere && (
          <button
            type="button"
            className="button button-quiet small"
            aria-label={`Rename session ${s.name}`}
            onClick={() => setRenaming(true)}
          >
            Rename
          </button>
        )}
        {!s.current && !s.openElsewhere && (!s.unfinished || s.problem) && (
          <button
            type="button"
            className="button button-quiet small"
            aria-label={`Delete session ${s.name}`}
            onClick={() => {
              if (
                window.confirm(
                  `Delete the session "${s.name}"? Its rows and results list go; the Media Library keeps its entries.`,
                )
              )
                void remove(s.id)
            }}
          >
            Delete
          </button>
        )}
      </div>
    </li>
  )
}
