/**
 * The command tests' AppCore over an import session: the window's handler table, with the scan's
 * progress events recorded so a test can wait for a drop's scan to end as the window would.
 */
import type { ScanProgress } from '../../../contract'
import type { ImportSession } from '../../pipeline/import-session'
import { createAppCore, type HostDeps } from '../handlers'

export function coreRecordingScans(
  importer: ImportSession,
  deps: Pick<HostDeps, 'appInfo'> & Partial<HostDeps>,
): { core: ReturnType<typeof createAppCore>; progress: ScanProgress[] } {
  const progress: ScanProgress[] = []
  const core = createAppCore({
    pickPaths: async () => [],
    emit: (event, payload) => {
      if (event === 'scanProgress') progress.push(payload as ScanProgress)
    },
    importer,
    ...deps,
  })
  return { core, progress }
}
