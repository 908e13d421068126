import { MediaGrid } from './grid/MediaGrid'
import { ProblemNavigation } from './grid/problems/ProblemNavigation'
import { ChooseFoldersButton } from './panels/ChooseFoldersButton'
import { CountsBar } from './panels/CountsBar'
import { DropZone } from './panels/DropZone'
import { EditToolbar, PanelButton, Selection } from './panels/EditToolbar'
import { ExportButtons } from './panels/ExportButtons'
import { ErrorPanel } from './panels/ErrorPanel'
import { Notices } from './panels/Notices'
import { ReadOnlyBanner } from './panels/ReadOnlyBanner'
import { ReopenDialog } from './panels/ReopenDialog'
import { SandboxBanner } from './panels/SandboxBanner'
import { ScanProgressPanel } from './panels/ScanProgressPanel'
import { SessionsButton } from './panels/SessionsButton'
import { ShowSkippedToggle } from './panels/ShowSkippedToggle'
import { SidePanel } from './panels/SidePanel'
import { SubmitBar } from './panels/SubmitBar'
import { UploadControls } from './panels/UploadControls'
import { Deferred, lazyNamed } from './lazy-panel'
import { useAppStore } from './store/app-store'
import { useWorkspaceStore } from './store/workspace-store'

// Loaded when first opened (lazy-panel.tsx): the first screen needs neither.
const PreviewPane = lazyNamed(() => import('./panels/preview/PreviewPane').then((m) => m.PreviewPane))
const SessionsPanel = lazyNamed(() => import('./panels/SessionsPanel').then((m) => m.SessionsPanel))

function OnDemandPanels() {
  const preview = useAppStore((s) => s.previewOpen)
  const sessions = useWorkspaceStore((s) => s.sessionsOpen)
  return (
    <Deferred>
      {preview && <PreviewPane />}
      {sessions && <SessionsPanel />}
    </Deferred>
  )
}

export function App() {
  return (
    <DropZone>
      <div className="app">
        <SandboxBanner />
        <ReadOnlyBanner />
        <header className="toolbar">
          <h1 className="app-title">Media Importer</h1>
          <ChooseFoldersButton />
          <ScanProgressPanel />
          <UploadControls />
          <ShowSkippedToggle />
          <SessionsButton />
          <PanelButton panel="settings" label="Settings…" />
        </header>
        <div className="status-bar">
          <CountsBar />
          <Selection />
          <SubmitBar />
          <ExportButtons />
        </div>
        <EditToolbar />
        <Notices />
        <main className="app-main">
          <MediaGrid />
          <ProblemNavigation />
          <OnDemandPanels />
          <ErrorPanel />
          <SidePanel />
        </main>
      </div>
      <ReopenDialog />
    </DropZone>
  )
}
