/**
 * Where imports go, said plainly (the Sandbox on this computer, or a real Livingdocs server), the
 * saved profiles with their secrets' state and a connection test each, and the grid's defaults
 * for this profile. Profiles are created and chosen when the app starts (see README: Profiles).
 */
import { useEffect, useState } from 'react'
import type { ConnectionReport, ProfileSummary } from '../../src-main/contract'
import { api } from '../api'
import { useAppStore } from '../store/app-store'
import { emptyLayout } from '../store/column-layout'

function Connection() {
  const info = useAppStore((s) => s.appInfo)
  if (!info) return null
  return info.mode === 'sandbox' ? (
    <p className="settings-mode settings-sandbox">
      <strong>Sandbox</strong>: imports go to a Livingdocs stand-in on this computer. Nothing reaches a real newsroom.
    </p>
  ) : (
    <p className="settings-mode settings-real">
      <strong>Real server</strong>: imports go to <strong>{info.profileName}</strong> at {info.livingdocsUrl}.
    </p>
  )
}

function Profiles() {
  const [profiles, setProfiles] = useState<ProfileSummary[] | null>(null)
  const [error, setError] = useState('')
  const [reports, setReports] = useState<Record<string, ConnectionReport | 'testing'>>({})
  useEffect(() => {
    api.listProfiles().then(
      (answer) => setProfiles(answer.profiles),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    )
  }, [])
  const test = async (name: string) => {
    setReports((r) => ({ ...r, [name]: 'testing' }))
    try {
      const report = await api.testProfile({ name })
      setReports((r) => ({ ...r, [name]: report }))
    } catch (err) {
      setReports((r) => ({
        ...r,
        [name]: {
          ok: false,
          checks: [
            { id: 'error', label: 'Test', ok: false, message: String(err instanceof Error ? err.message : err) },
          ],
        },
      }))
    }
  }
  if (error) return <p className="hint">{error}</p>
  if (!profiles) return <p className="hint">Loading profiles…</p>
  if (profiles.length === 0) return <p className="hint">No saved profiles: this window imports into the Sandbox.</p>
  return (
    <ul className="profile-list">
      {profiles.map(({ profile, hasToken, hasKeys }) => {
        const report = reports[profile.name]
        return (
          <li key={profile.name}>
            <strong>{profile.name}</strong> — {profile.livingdocs.url}
            <div className="hint">
              Token {hasToken ? 'saved' : 'missing'} · storage keys {hasKeys ? 'saved' : 'not saved'}
            </div>
            <button
              type="button"
              className="button button-quiet small"
              disabled={report === 'testing'}
              onClick={() => void test(profile.name)}
            >
              {report === 'testing' ? 'Testing…' : 'Test connection'}
            </button>
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
      })}
    </ul>
  )
}

function GridDefaults() {
  const showSkipped = useAppStore((s) => s.showSkipped)
  const setShowSkipped = useAppStore((s) => s.setShowSkipped)
  const setLayout = useAppStore((s) => s.setLayout)
  const setPanel = useAppStore((s) => s.setPanel)
  return (
    <div className="panel-form">
      <label className="inline">
        <input type="checkbox" checked={showSkipped} onChange={(e) => setShowSkipped(e.target.checked)} /> Show skipped
        files in the grid
      </label>
      <button type="button" className="button button-quiet" onClick={() => setPanel('columns')}>
        Choose columns…
      </button>
      <button type="button" className="button button-quiet" onClick={() => setLayout(emptyLayout)}>
        Reset columns to the project's order
      </button>
    </div>
  )
}

export function SettingsPanel() {
  return (
    <div className="settings">
      <h3 className="panel-subtitle">Connection</h3>
      <Connection />
      <h3 className="panel-subtitle">Profiles</h3>
      <Profiles />
      <h3 className="panel-subtitle">Grid</h3>
      <GridDefaults />
    </div>
  )
}
