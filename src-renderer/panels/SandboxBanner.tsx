import { useAppStore } from '../store/app-store'

/** Editors must never wonder whether a test import went to the real newsroom, or which session is open. */
export function SandboxBanner() {
  const mode = useAppStore((s) => s.appInfo?.mode)
  const profileName = useAppStore((s) => s.appInfo?.profileName)
  const url = useAppStore((s) => s.appInfo?.livingdocsUrl)
  const sessionId = useAppStore((s) => s.appInfo?.sessionId)
  const session = sessionId ? <span className="banner-session"> · session {sessionId}</span> : null
  if (mode === 'sandbox') {
    return (
      <div className="banner banner-sandbox" role="note" aria-label="Sandbox">
        <strong>Sandbox:</strong> everything stays on this computer — nothing is sent to a real Livingdocs server.
        {session}
      </div>
    )
  }
  if (mode === 'profile') {
    return (
      <div className="banner banner-profile" role="note" aria-label="Real server">
        <strong>Real server:</strong> importing into <strong>{profileName}</strong> at {url}
        {session}
      </div>
    )
  }
  return null
}
