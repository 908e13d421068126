/**
 * The grid's view switches in the edit bar: the technical columns, row density and the preview
 * pane. Density and technical columns are part of the profile's layout (column-layout.ts).
 */
import { DENSITIES, type Density } from '../grid/density'
import { useAppStore } from '../store/app-store'
import { setDensity, setTechnical } from '../store/column-layout'

const DENSITY_LABELS: Record<Density, string> = { compact: 'Compact', comfortable: 'Comfortable' }

function Toggle({
  label,
  pressed,
  onClick,
  shortcut,
}: {
  label: string
  pressed: boolean
  onClick(): void
  shortcut?: string
}) {
  return (
    <button
      type="button"
      className={pressed ? 'button button-quiet pressed' : 'button button-quiet'}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      onClick={onClick}
    >
      {label}
    </button>
  )
}

export function LayoutToggles() {
  const layout = useAppStore((s) => s.layout)
  const setLayout = useAppStore((s) => s.setLayout)
  const previewOpen = useAppStore((s) => s.previewOpen)
  const setPreviewOpen = useAppStore((s) => s.setPreviewOpen)
  return (
    <span className="layout-toggles">
      <span className="segmented" role="group" aria-label="Row density">
        {DENSITIES.map((d) => (
          <Toggle
            key={d}
            label={DENSITY_LABELS[d]}
            pressed={layout.density === d}
            onClick={() => setLayout(setDensity(layout, d))}
          />
        ))}
      </span>
      <Toggle
        label="Technical columns"
        pressed={layout.technical}
        onClick={() => setLayout(setTechnical(layout, !layout.technical))}
      />
      <Toggle label="Preview" pressed={previewOpen} shortcut="Space" onClick={() => setPreviewOpen(!previewOpen)} />
    </span>
  )
}
