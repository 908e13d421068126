import { useAppStore } from '../store/app-store'

/** Skipped entries are out of the grid by default; this is how an editor checks what they were. */
export function ShowSkippedToggle() {
  const skipped = useAppStore((s) => s.rowView.skipped)
  const showSkipped = useAppStore((s) => s.showSkipped)
  const setShowSkipped = useAppStore((s) => s.setShowSkipped)
  if (skipped === 0) return null
  return (
    <label className="toggle">
      <input type="checkbox" checked={showSkipped} onChange={(event) => setShowSkipped(event.target.checked)} />
      Show skipped ({skipped.toLocaleString('en')})
    </label>
  )
}
