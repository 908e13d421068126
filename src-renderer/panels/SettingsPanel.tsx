/**
 * Where imports go, said plainly (the Sandbox on this computer, or a real Livingdocs server), the
 * saved profiles (create, edit, test, use), and the grid's defaults: the view's here, the import's
 * kept in the profile in use.
 */
import { useAppStore } from '../store/app-store'
import { emptyLayout } from '../store/column-layout'
import { ImportDefaultsSection } from './ImportDefaultsSection'
import { ProfilesSection } from './ProfilesSection'

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
      <ProfilesSection />
      <h3 className="panel-subtitle">Grid</h3>
      <GridDefaults />
      <h3 className="panel-subtitle">Import defaults</h3>
      <ImportDefaultsSection />
    </div>
  )
}
