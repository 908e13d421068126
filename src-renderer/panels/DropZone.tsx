/**
 * The whole window accepts drops. Highlight only for drags that carry files, and count
 * enter/leave pairs because dragging across child elements fires them in nested pairs.
 */
import { useRef, useState } from 'react'
import type { DragEvent, ReactNode } from 'react'
import { api } from '../api'
import { useAppStore } from '../store/app-store'
import { reportFailure } from '../store/report-failure'
import { addPaths } from './add-paths'
import { droppedPaths } from './dropped-paths'

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer.types.includes('Files')

export function DropZone({ children }: { children: ReactNode }) {
  const [active, setActive] = useState(false)
  const depth = useRef(0)

  const onDragEnter = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    depth.current++
    setActive(true)
  }
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    // Without preventDefault the browser refuses the drop.
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
    setActive(true)
  }
  const onDragLeave = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    depth.current = Math.max(0, depth.current - 1)
    if (depth.current === 0) setActive(false)
  }
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    depth.current = 0
    setActive(false)
    let dropped
    try {
      dropped = droppedPaths(event.dataTransfer.files, api.pathForFile)
    } catch (err) {
      reportFailure(err, 'Could not read the dropped items')
      return
    }
    if (dropped.notFiles.length > 0) {
      useAppStore
        .getState()
        .reportError('not-a-file', `Ignored ${dropped.notFiles.join(', ')}: not a file or folder on this computer.`)
    }
    void addPaths(dropped.paths)
  }

  return (
    <div
      className="drop-zone"
      data-testid="drop-zone"
      data-drag-active={active}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      {children}
      {active && (
        <div className="drop-hint" aria-hidden="true">
          Drop to add these files and folders
        </div>
      )}
    </div>
  )
}
