/**
 * The Media id cell of an imported row when the profile names the Livingdocs editor: the id as a
 * link-button "Open in Livingdocs". Main builds the address from the profile and opens it in the
 * system browser; the window never opens a URL itself.
 */
import { useAppStore } from '../../store/app-store'
import { backToGrid, openInEditor } from './row-choice-actions'
import './row-choices.css'

export function MediaIdLink({ mediaId }: { mediaId: string }) {
  const editorUrl = useAppStore((s) => s.appInfo?.editorUrl)
  if (!editorUrl) return <>{mediaId}</>
  return (
    <button
      type="button"
      className="link-button"
      tabIndex={-1}
      aria-label={`Open entry ${mediaId} in Livingdocs`}
      title="Open in Livingdocs"
      onClick={() => void openInEditor(mediaId)}
      onKeyDown={backToGrid}
    >
      {mediaId}
    </button>
  )
}
