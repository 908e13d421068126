/**
 * Rows a previous process found but never probed (it died mid-scan) are probed when the session
 * opens again, so they upload and import like the rest; a continued scan skips their paths.
 */
import type { ProjectModel } from '../model/livingdocs'
import type { MediaTypeDefaults } from '../prefill/media-type'
import type { Prober } from '../probe/prober'
import { rowFactsFromProbe } from './row-facts'
import { step } from './row-step'
import type { Session } from '../session/session'

/** Resolves with the number of rows probed. */
export async function probeLeftovers(
  session: Session,
  prober: Prober,
  context: { project?: ProjectModel; defaults?: MediaTypeDefaults },
): Promise<number> {
  const rows = session.snapshot().rows.filter((row) => row.status === 'scanned')
  await Promise.all(
    rows.map(async (row) => {
      try {
        const probe = await prober.probe({ path: row.path, size: row.size })
        if (session.getRow(row.rowId)?.status === 'scanned')
          session.updateRow(row.rowId, rowFactsFromProbe(row, probe, context))
      } catch (err) {
        const reason = `Probing failed: ${err instanceof Error ? err.message : String(err)}`
        const now = session.getRow(row.rowId)
        if (now) session.updateRow(row.rowId, { ...step(now, 'probe-failed'), reason })
      }
    }),
  )
  return rows.length
}
