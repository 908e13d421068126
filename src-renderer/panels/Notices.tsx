import { useAppStore } from '../store/app-store'
import { RevealLogsButton } from './RevealLogsButton'

/** Errors stay until the editor dismisses them: a missed message is a lost file. */
export function Notices() {
  const notices = useAppStore((s) => s.notices)
  const dismiss = useAppStore((s) => s.dismissNotice)
  if (notices.length === 0) return null
  return (
    <ul className="notices" aria-label="Problems">
      {notices.map((notice) => (
        <li className="notice" role="alert" data-code={notice.code} key={notice.id}>
          <span className="notice-message">{notice.message}</span>
          <button type="button" className="button button-quiet" onClick={() => dismiss(notice.id)}>
            Dismiss
          </button>
        </li>
      ))}
      {/* When something went wrong, the log is what support asks for. */}
      <li className="notice notice-help">
        <RevealLogsButton />
      </li>
    </ul>
  )
}
