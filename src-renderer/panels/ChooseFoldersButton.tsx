import { useState } from 'react'
import { api } from '../api'
import { reportFailure } from '../store/report-failure'
import { addPaths } from './add-paths'

/** The keyboard and screen-reader way in: the system folder picker. */
export function ChooseFoldersButton() {
  const [picking, setPicking] = useState(false)
  const choose = async () => {
    setPicking(true)
    try {
      const { paths } = await api.pickPaths({ kind: 'folders' })
      await addPaths(paths)
    } catch (err) {
      reportFailure(err, 'Could not open the folder picker')
    } finally {
      setPicking(false)
    }
  }
  return (
    <button type="button" className="button" onClick={() => void choose()} disabled={picking}>
      Choose folders…
    </button>
  )
}
