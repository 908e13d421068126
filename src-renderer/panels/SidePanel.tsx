/** The one side panel beside the grid (bulk set, find and replace, columns); Esc or Close shuts it. */
import type { ReactNode } from 'react'
import { Deferred, lazyNamed } from '../lazy-panel'
import { useAppStore } from '../store/app-store'

// Each panel is its own chunk, loaded when first opened (lazy-panel.tsx).
const BulkEditPanel = lazyNamed(() => import('./BulkEditPanel').then((m) => m.BulkEditPanel))
const ColumnsPanel = lazyNamed(() => import('./ColumnsPanel').then((m) => m.ColumnsPanel))
const CsvImportPanel = lazyNamed(() => import('./CsvImportPanel').then((m) => m.CsvImportPanel))
const FindReplacePanel = lazyNamed(() => import('./FindReplacePanel').then((m) => m.FindReplacePanel))
const SettingsPanel = lazyNamed(() => import('./SettingsPanel').then((m) => m.SettingsPanel))

const TITLES = {
  bulk: 'Bulk set',
  find: 'Find and replace',
  columns: 'Columns',
  'import-csv': 'Import metadata CSV',
  settings: 'Profiles and settings',
}

function Frame({ title, children }: { title: string; children: ReactNode }) {
  const setPanel = useAppStore((s) => s.setPanel)
  return (
    <aside
      className="side-panel"
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setPanel(null)
      }}
    >
      <header className="panel-head">
        <h2 className="panel-title">{title}</h2>
        <button type="button" className="button button-quiet" onClick={() => setPanel(null)}>
          Close
        </button>
      </header>
      {children}
    </aside>
  )
}

export function SidePanel() {
  const panel = useAppStore((s) => s.panel)
  if (!panel) return null
  return (
    <Frame title={TITLES[panel]}>
      <Deferred>
        {panel === 'bulk' && <BulkEditPanel />}
        {panel === 'find' && <FindReplacePanel />}
        {panel === 'columns' && <ColumnsPanel />}
        {panel === 'import-csv' && <CsvImportPanel />}
        {panel === 'settings' && <SettingsPanel />}
      </Deferred>
    </Frame>
  )
}
