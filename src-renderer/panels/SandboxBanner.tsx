import { useAppStore } from '../store/app-store'

/** Editors must never wonder whether a test import went to the real newsroom. */
export function SandboxBanner() {
  const mode = useAppStore((s) => s.appInfo?.mode)
  const profileName = useAppStore((s) => s.appInfo?.profileName)
  if (mode === 'sandbox') {
    return (
      <div className="banner banner-sandbox" role="note" aria-label="Sandbox">
        <strong>Sandbox:</strong> everything stays on this computer — nothing is sent to a real Livingdocs server.
      </div>
    )
  }
  if (mode === 'profile') {
    return (
      <div className="banner banner-profile" role="note" aria-label="Profile">
        Importing into <strong>{profileName}</strong>
      </div>
    )
  }
  return null
}
