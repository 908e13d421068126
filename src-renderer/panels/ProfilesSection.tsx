/**
 * The saved profiles: each with whether its token and keys are saved (never their values), Test
 * connection, Edit, Delete and "Use this profile" (a new import session with it). New profile
 * opens the editor.
 */
import { useEffect, useState } from 'react'
import type { ConnectionReport, ProfileSummary } from '../../src-main/contract'
import { api } from '../api'
import { useAppStore } from '../store/app-store'
import { useWorkspaceStore } from '../store/workspace-store'
import { ProfileEditor } from './ProfileEditor'

type Report = ConnectionReport | 'testing'

const failedReport = (err: unknown): ConnectionReport => ({
  ok: false,
  checks: [{ id: 'error', label: 'Test', ok: false, message: err instanceof Error ? err.message : String(err) }],
})

function ProfileItem({ summary, onEdit }: { summary: ProfileSummary; onEdit(): void }) {
  const { profile, hasToken, hasKeys } = summary
  const [report, setReport] = useState<Report | null>(null)
  const active = useAppStore((s) => s.appInfo?.profileName === profile.name)
  const busy = useWorkspaceStore((s) => s.busy)
  const switchTo = useWorkspaceStore((s) => s.switchTo)
  const loadProfiles = useWorkspaceStore((s) => s.loadProfiles)
  const test = async () => {
    setReport('testing')
    setReport(await api.testProfile({ name: profile.name }).catch(failedReport))
  }
  const remove = async () => {
    if (!window.confirm(`Delete the profile "${profile.name}" and its saved token and keys?`)) return
    await api.deleteProfile({ name: profile.name }).catch((err: unknown) => setReport(failedReport(err)))
    await loadProfiles()
  }
  const usesKeys = !!profile.storage.credentials && 'accessKeyIdEnv' in profile.storage.credentials
  return (
    <li aria-label={`Profile ${profile.name}`}>
      <strong>{profile.name}</strong> — {profile.livingdocs.url} {active && <em>(in use)</em>}
      <div className="hint">
        Token {hasToken ? 'saved' : 'missing'}
        {usesKeys && ` · storage keys ${hasKeys ? 'saved' : 'missing'}`}
      </div>
      {/* A secret saved for another address than the profile's now (profiles.json edited by hand). */}
      {summary.secretNotes?.map((note) => (
        <div key={note} className="hint">
          {note}
        </div>
      ))}
      <div className="inline wrap">
        <button
          type="button"
          className="button button-quiet small"
          disabled={report === 'testing'}
          onClick={() => void test()}
        >
          {report === 'testing' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="button" className="button button-quiet small" onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="button button-quiet small" onClick={() => void remove()}>
          Delete
        </button>
        <button
          type="button"
          className="button small"
          disabled={busy}
          onClick={() => void switchTo({ profileName: profile.name })}
          aria-label={`Use profile ${profile.name}: start a new import with it`}
        >
          Use this profile
        </button>
      </div>
      {report && report !== 'testing' && (
        <ul className="checks" aria-label={`Connection test of ${profile.name}`}>
          {report.checks.map((c) => (
            <li key={c.id} data-ok={c.ok}>
              {c.ok ? '✓' : '✗'} {c.label}: {c.message}
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}

export function ProfilesSection() {
  const profiles = useWorkspaceStore((s) => s.profiles)
  const error = useWorkspaceStore((s) => s.error)
  const loadProfiles = useWorkspaceStore((s) => s.loadProfiles)
  const switchTo = useWorkspaceStore((s) => s.switchTo)
  const sandboxActive = useAppStore((s) => s.appInfo?.mode === 'sandbox')
  const [editing, setEditing] = useState<ProfileSummary | 'new' | null>(null)
  useEffect(() => {
    void loadProfiles()
  }, [loadProfiles])

  if (editing) {
    return (
      <ProfileEditor
        {...(editing === 'new' ? {} : { editing })}
        onDone={() => {
          setEditing(null)
          // Also after Cancel: a save that kept the form open (a token to type again) changed the list.
          void loadProfiles()
        }}
      />
    )
  }
  return (
    <>
      {error && <p className="hint">{error}</p>}
      {!profiles && !error && <p className="hint">Loading profiles…</p>}
      {profiles?.length === 0 && <p className="hint">No saved profiles yet: imports go to the Sandbox.</p>}
      <ul className="profile-list">
        {profiles?.map((summary) => (
          <ProfileItem key={summary.profile.name} summary={summary} onEdit={() => setEditing(summary)} />
        ))}
      </ul>
      <div className="inline wrap">
        <button type="button" className="button" onClick={() => setEditing('new')}>
          New profile…
        </button>
        {!sandboxActive && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => void switchTo({ profileName: 'Sandbox' })}
          >
            New import in the Sandbox
          </button>
        )}
      </div>
    </>
  )
}
