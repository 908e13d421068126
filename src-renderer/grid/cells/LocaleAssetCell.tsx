/**
 * A row's file in one language (media types whose asset is translatable): its name and upload
 * state, what to do when the upload failed, and Choose/Replace and Clear. The buttons are out of
 * the tab order like every cell's content (ARIA grid pattern): Enter or F2 on the cell moves onto
 * the first, arrows move between them, Esc goes back to the grid.
 */
import type { Row } from '../../../src-main/contract'
import { useAppStore } from '../../store/app-store'
import type { KeyboardEvent } from 'react'
import { chooseLocaleAsset, clearLocaleAsset } from './locale-asset-actions'
import { backToGrid } from './row-choice-actions'
import { localeAssetView } from './locale-asset-view'
import './locale-asset-cell.css'

function onButtonKey(e: KeyboardEvent<HTMLButtonElement>): void {
  const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
  if (step === 0) return backToGrid(e)
  const buttons = [...(e.currentTarget.parentElement?.querySelectorAll('button') ?? [])]
  const next = buttons[buttons.indexOf(e.currentTarget) + step]
  e.preventDefault()
  e.stopPropagation()
  next?.focus()
}

export function LocaleAssetCell({ row, locale }: { row: Row; locale: string }) {
  const project = useAppStore((s) => s.project)
  const view = localeAssetView(row, locale, project)
  if (!view.applies) return <span title={view.locked}>—</span>
  const about = `${locale} file of ${row.relativePath}`
  return (
    <span className={`locale-asset${view.fileName ? ' has-file' : ''}`} title={view.problem ?? view.locked}>
      <span className={view.fileName ? 'locale-asset-name' : 'locale-asset-empty'}>{view.fileName || 'No file'}</span>
      {view.state === 'Uploaded' ? (
        <span className="locale-asset-state done" role="img" aria-label="Uploaded" title="Uploaded">
          ✓
        </span>
      ) : (
        view.state && (
          <span className={`locale-asset-state${view.problem ? ' failed' : ''}`} aria-label={view.problem}>
            {view.state}
          </span>
        )
      )}
      {!view.locked && (
        <>
          <button
            type="button"
            tabIndex={-1}
            className="cell-button"
            aria-label={`${view.fileName ? 'Replace' : 'Choose'} the ${about}`}
            onClick={() => void chooseLocaleAsset(row.rowId, locale)}
            onKeyDown={onButtonKey}
          >
            {view.fileName ? 'Replace…' : 'Choose…'}
          </button>
          {view.fileName && (
            <button
              type="button"
              tabIndex={-1}
              className="cell-button"
              aria-label={`Clear the ${about}`}
              onClick={() => void clearLocaleAsset(row.rowId, locale)}
              onKeyDown={onButtonKey}
            >
              Clear
            </button>
          )}
        </>
      )}
    </span>
  )
}
