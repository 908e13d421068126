import { MediaGrid } from './grid/MediaGrid'
import { ChooseFoldersButton } from './panels/ChooseFoldersButton'
import { DropZone } from './panels/DropZone'
import { Notices } from './panels/Notices'
import { SandboxBanner } from './panels/SandboxBanner'
import { ScanProgressPanel } from './panels/ScanProgressPanel'
import { ShowSkippedToggle } from './panels/ShowSkippedToggle'

export function App() {
  return (
    <DropZone>
      <div className="app">
        <SandboxBanner />
        <header className="toolbar">
          <h1 className="app-title">Media Importer</h1>
          <ChooseFoldersButton />
          <ScanProgressPanel />
          <ShowSkippedToggle />
        </header>
        <Notices />
        <main className="app-main">
          <MediaGrid />
        </main>
      </div>
    </DropZone>
  )
}
