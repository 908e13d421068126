/**
 * Guards that narrow a `Row` by its status (src-main/core/model/row.ts): code that needs an
 * imported row's `result` or its correction asks these instead of guessing from optional fields.
 * Pure; the renderer and the core both use them.
 */
import type { ImportedRow, Row, RowEntry, RowUpdate } from '../../src-main/core/model/row'

/** An imported row never goes again; its media id and record are kept. */
export const isImported = (row: Row): row is ImportedRow => row.status === 'imported'

/** An imported row with a correction of its metadata under way (core/updater). */
export type CorrectedRow = ImportedRow & { update: RowUpdate }

export const hasCorrection = (row: Row): row is CorrectedRow => row.status === 'imported' && row.update !== undefined

/** An imported row that "Link to entry" joined to a library entry (its record says `linked`). */
export type LinkedRow = ImportedRow & { entry: RowEntry }

export const isLinkedRow = (row: Row | undefined): row is LinkedRow =>
  row?.status === 'imported' && row.result.record.linked === true && row.entry !== undefined
