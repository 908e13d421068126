import { createContext, useContext } from 'react'
import type { Row } from '../../src-main/contract'

/** The file a grid row shows, handed to its cells without going through TanStack's data. */
export const RowContext = createContext<Row | null>(null)

export function useGridRow(): Row {
  const row = useContext(RowContext)
  if (!row) throw new Error('A grid cell was rendered outside a grid row')
  return row
}
