/** The one side panel beside the grid (bulk set, find and replace, columns); Esc or Close shuts it. */
import type { ReactNode } from 'react'
import { useAppStore } from '../store/app-store'
import { BulkEditPanel } from './BulkEditPanel'
import { ColumnsPanel } from './ColumnsPanel'
import { CsvImportPanel } from './CsvImportPanel'
import { FindReplacePanel } from './FindReplacePanel'
import { SettingsPanel } from './SettingsPanel'

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
      {panel === 'bulk' && <BulkEditPanel />}
      {panel === 'find' && <FindReplacePanel />}
      {panel === 'columns' && <ColumnsPanel />}
      {panel === 'import-csv' && <CsvImportPanel />}
      {panel === 'settings' && <SettingsPanel />}
    </Frame>
  )
}
