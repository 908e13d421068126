/**
 * The preview pane at the grid's right: the active row's picture (the cached thumbnail, or a
 * video's poster frame) as large as the cache makes it, its dimensions, duration, orientation,
 * and the metadata embedded in the file with what the prefill did with each value. It follows
 * the active cell, so the arrow keys walk through the rows with it open; Space in the grid opens
 * and closes it (use-grid-input.ts), as does the toolbar's Preview button.
 *
 * Videos show their poster frame: the window's content policy allows images from the thumbnail
 * cache only (index.html: no media-src), and main serves no original files to the page.
 */
import { thumbnailUrl } from '../../../src-shared/urls/thumbnail-url'
import type { ProjectModel, Row } from '../../../src-main/contract'
import { formatDuration } from '../../grid/cells/probe-notes'
import { formatKind, formatSize } from '../../grid/format'
import { ResizeHandle } from '../../grid/ResizeHandle'
import { useAppStore } from '../../store/app-store'
import { setPaneWidth } from '../../store/column-layout'
import { embeddedEntries, orientationText } from './preview-facts'
import './preview-pane.css'

function propertyLabeler(project: ProjectModel | null, row: Row): (handle: string) => string {
  const type = project?.mediaTypes.find((t) => t.handle === (row.entry?.mediaType ?? row.prefill?.mediaType))
  return (handle) => type?.properties.find((p) => p.handle === handle)?.label ?? handle
}

function Picture({ row }: { row: Row }) {
  if (!row.thumbnail)
    return (
      <div className="preview-pane-none">
        {row.thumbnailUnavailable ?? (row.kind === 'file' ? 'Files have no preview.' : 'No preview yet.')}
      </div>
    )
  return (
    <figure className="preview-pane-figure">
      <img
        key={row.rowId}
        src={thumbnailUrl(row.thumbnail)}
        alt={row.kind === 'video' ? `Poster frame of ${row.relativePath}` : `Preview of ${row.relativePath}`}
        decoding="async"
      />
      {row.kind === 'video' && (
        <figcaption>Poster frame. The clip itself plays in Livingdocs once imported, or in a player.</figcaption>
      )}
    </figure>
  )
}

function Facts({ row }: { row: Row }) {
  const facts: [string, string][] = [
    ['Kind', `${formatKind(row.kind, row.status)}${row.mimeType ? ` (${row.mimeType})` : ''}`],
    ['Dimensions', row.width && row.height ? `${row.width} × ${row.height} px` : '—'],
  ]
  if (row.kind === 'video') facts.push(['Duration', formatDuration(row.duration) || '—'])
  facts.push(['Orientation', orientationText(row) || '—'], ['Size', formatSize(row.size)], ['Path', row.relativePath])
  return (
    <dl className="preview-pane-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

function Embedded({ row }: { row: Row }) {
  const project = useAppStore((s) => s.project)
  const entries = embeddedEntries(row, propertyLabeler(project, row))
  if (entries.length === 0)
    return <p className="preview-pane-muted">No descriptive metadata (EXIF, IPTC, XMP) is embedded in this file.</p>
  return (
    <table className="preview-pane-embedded">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Value</th>
          <th scope="col">Prefilled</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.label} data-used={e.usedFor.length > 0 ? '' : undefined}>
            <th scope="row">{e.label}</th>
            <td>{e.value}</td>
            <td>{e.usedFor.length > 0 ? `→ ${e.usedFor.join(', ')}` : 'not used'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function PreviewPane() {
  const open = useAppStore((s) => s.previewOpen)
  const row = useAppStore((s) => (s.active ? s.session.byId.get(s.active.rowId) : undefined))
  const close = useAppStore((s) => s.setPreviewOpen)
  const width = useAppStore((s) => s.layout.paneWidth)
  if (!open) return null
  const resize = (next: number) => {
    const s = useAppStore.getState()
    s.setLayout(setPaneWidth(s.layout, next))
  }
  return (
    <aside className="preview-pane" aria-label="Preview" style={{ width }}>
      <ResizeHandle
        label="Resize the preview pane"
        width={width}
        onResize={resize}
        edge="left"
        className="resize-handle preview-pane-edge"
      />
      <header className="panel-head">
        <h2 className="panel-title preview-pane-title" title={row?.relativePath}>
          {row ? row.relativePath.slice(row.relativePath.lastIndexOf('/') + 1) : 'Preview'}
        </h2>
        <button type="button" className="button button-quiet" aria-keyshortcuts="Space" onClick={() => close(false)}>
          Close
        </button>
      </header>
      {row ? (
        <>
          <Picture row={row} />
          <Facts row={row} />
          <h3 className="preview-pane-heading">Metadata in the file</h3>
          <Embedded row={row} />
        </>
      ) : (
        <p className="preview-pane-muted">Choose a row: the pane shows the row of the active cell.</p>
      )}
    </aside>
  )
}
