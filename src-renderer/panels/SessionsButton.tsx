/** Opens the session list (Sessions panel). */
import { useWorkspaceStore } from '../store/workspace-store'

export function SessionsButton() {
  const open = useWorkspaceStore((s) => s.sessionsOpen)
  const setOpen = useWorkspaceStore((s) => s.setSessionsOpen)
  return (
    <button type="button" className="button button-quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
      Sessions…
    </button>
  )
}
