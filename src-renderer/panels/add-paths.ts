import { api } from '../api'
import { reportFailure } from '../store/report-failure'

/** Hands paths to main; a refusal (bad path, no access) is shown, never swallowed. */
export async function addPaths(paths: string[]): Promise<void> {
  if (paths.length === 0) return
  try {
    await api.addPaths({ paths })
  } catch (err) {
    reportFailure(err, 'Could not add these files')
  }
}
