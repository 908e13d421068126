import { useAppStore } from '../store/app-store'

/** The Livingdocs host an import goes to ("livingdocs.example.com"), the URL itself if it is not one. */
export function hostOf(url: string | undefined): string {
  if (!url) return 'an unknown server'
  try {
    return new URL(url).host || url
  } catch {
    return url
  }
}

/** Editors must never wonder whether a test import went to the real newsroom, or which session is open. */
export function SandboxBanner() {
  const mode = useAppStore((s) => s.appInfo?.mode)
  const profileName = useAppStore((s) => s.appInfo?.profileName)
  const url = useAppStore((s) => s.appInfo?.livingdocsUrl)
  // The session's name ("Harbour shoot · 7 Dec 23:11"), not its folder's id (main names it: getAppInfo).
  const name = useAppStore((s) => s.appInfo?.sessionName ?? s.appInfo?.sessionId)
  const session = name ? (
    <span className="banner-session">
      {' '}
      · Session: <span className="banner-session-name">{name}</span>
    </span>
  ) : null
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
        <span className="banner-live-mark">LIVE</span>
        <strong>Real server:</strong> importing with profile <strong>{profileName}</strong> into the Livingdocs at{' '}
        <strong>{hostOf(url)}</strong> — entries made here are real.
        {session}
      </div>
    )
  }
  return null
}
