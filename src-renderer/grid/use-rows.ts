import { useMemo } from 'react'
import type { Row } from '../../src-main/contract'
import { useAppStore } from '../store/app-store'
import { orderedRows } from '../store/session-mirror'

/** The mirror's rows in display order, rebuilt only when the mirror changes. */
export function useRows(): Row[] {
  const byId = useAppStore((s) => s.session.byId)
  const ids = useAppStore((s) => s.session.ids)
  return useMemo(() => orderedRows({ byId, ids }), [byId, ids])
}
