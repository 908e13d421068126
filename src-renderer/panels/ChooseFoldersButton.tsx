import { useState } from 'react'
import { api, MediaImportError } from '../api'
import { reportFailure } from '../store/report-failure'
import { Deferred, lazyNamed } from '../lazy-panel'
import { addPaths } from './add-paths'

// Only the browser server shows it (no system picker there): its own chunk (lazy-panel.tsx).
const FolderChooser = lazyNamed(() => import('./FolderChooser').then((m) => m.FolderChooser))

/** The keyboard and screen-reader way in: the system folder picker, or in a browser the app's own chooser. */
export function ChooseFoldersButton() {
  const [picking, setPicking] = useState(false)
  const [chooser, setChooser] = useState(false)
  const choose = async () => {
    setPicking(true)
    try {
      const { paths } = await api.pickPaths({ kind: 'folders' })
      await addPaths(paths)
    } catch (err) {
      // Only the browser server (media-import ui) answers this: it has no system picker.
      if (err instanceof MediaImportError && err.code === 'no-system-picker') setChooser(true)
      else reportFailure(err, 'Could not open the folder picker')
    } finally {
      setPicking(false)
    }
  }
  return (
    <>
      <button type="button" className="button" onClick={() => void choose()} disabled={picking}>
        Choose folders…
      </button>
      {chooser && (
        <Deferred>
          <FolderChooser
            onClose={() => setChooser(false)}
            onChoose={(path) => {
              setChooser(false)
              void addPaths([path])
            }}
          />
        </Deferred>
      )}
    </>
  )
}
