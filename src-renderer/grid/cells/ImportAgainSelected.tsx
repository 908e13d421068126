/**
 * "Import again as new entries" for the selected rows the library already holds (shown in the edit
 * bar beside the selection count only when there are such rows). Main decides per row; this asks
 * first with the count and what happens (row-choice-actions.ts).
 */
import { useMemo } from 'react'
import { useAppStore } from '../../store/app-store'
import { askImportAgain } from './row-choice-actions'
import { importAgainTargets } from './row-choices'

export function ImportAgainSelected() {
  const selected = useAppStore((s) => s.selected)
  // The mirror's rows change in place; its version says when (then only the selection is walked).
  const version = useAppStore((s) => s.session.version)
  const targets = useMemo(() => {
    void version
    return importAgainTargets(useAppStore.getState().session.byId, selected)
  }, [selected, version])
  if (targets.length === 0) return null
  return (
    <button
      type="button"
      className="button button-quiet"
      title="The library already holds these files; import them once more as separate entries (new identities)"
      onClick={() => askImportAgain(targets)}
    >
      Import again as new entries ({targets.length.toLocaleString('en')})
    </button>
  )
}
