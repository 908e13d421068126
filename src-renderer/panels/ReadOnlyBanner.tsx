import { useAppStore } from '../store/app-store'

/**
 * A session another process holds, looked at read-only (Sessions panel, "Open read-only"): main
 * names the holder and refuses every change with the same words, so the band says it up front.
 */
export function ReadOnlyBanner() {
  const notice = useAppStore((s) => s.appInfo?.readOnly)
  if (!notice) return null
  return (
    <div className="banner banner-read-only" role="note" aria-label="Read-only">
      {notice}
    </div>
  )
}
