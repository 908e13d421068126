/**
 * The editor's two ways out of a stuck row, applied to the session: "link to the existing entry"
 * on an externalId conflict (the library's entry becomes the row's entry; nothing is sent), and
 * "import as file" for a damaged image or video (the row becomes a file row and uploads like any
 * probed row, because the pipeline hands every probed row to the upload engine). Each row is
 * decided on its own; a row that cannot take the choice says why and stays as it was.
 */
import { importAsFile, importAsFileRefusal } from './as-file'
import type { PrefillContext } from './row-facts'
import { step } from './row-step'
import type { Row, RowChange } from '../model/row'
import type { Session } from '../session/session'
import type { RowActionReport } from '../model/row-action-report'
import { againSuffix, contentExternalId } from '../importer/content-identity'
import { linkRefusal, linkToExisting } from './row-outcome'

export type { RowActionReport, RowActionResult } from '../model/row-action-report'

type Decide = (row: Row) => { change: RowChange; message: string; mediaId?: string } | { refused: string }

async function applyToRows(session: Session, rowIds: readonly string[], decide: Decide): Promise<RowActionReport> {
  const report: RowActionReport = { done: 0, refused: 0, rows: [] }
  for (const rowId of new Set(rowIds)) {
    const row = session.getRow(rowId)
    const decision = row ? decide(row) : { refused: `There is no row ${rowId} in this session (it was removed).` }
    if ('refused' in decision) {
      report.refused++
      report.rows.push({ rowId, done: false, message: decision.refused })
      continue
    }
    session.updateRow(rowId, decision.change)
    report.done++
    report.rows.push({
      rowId,
      done: true,
      message: decision.message,
      ...(decision.mediaId ? { mediaId: decision.mediaId } : {}),
    })
  }
  if (report.done > 0) {
    // The editor sees the rows change now, and the choice is in the journal before the answer.
    session.flush()
    await session.persisted()
  }
  return report
}

export function linkRowsToExisting(session: Session, rowIds: readonly string[]): Promise<RowActionReport> {
  return applyToRows(session, rowIds, (row) => {
    const refused = linkRefusal(row)
    if (refused) return { refused }
    const change = linkToExisting(row)
    const mediaId = change.result?.mediaId ?? ''
    return { change, mediaId, message: `${row.relativePath} is linked to library entry ${mediaId}.` }
  })
}

/**
 * "Import again as a new entry" on rows the library already holds: the content identity gets a
 * new suffix (`sha256-<hex>-again-<time>`), so the server takes it as another entry, and the row
 * uploads and waits for the next submit like any probed row. Said plainly in the answer.
 */
export function importRowsAgain(
  session: Session,
  rowIds: readonly string[],
  now: () => Date = () => new Date(),
): Promise<RowActionReport> {
  return applyToRows(session, rowIds, (row) => {
    if (row.status !== 'in-library' || !row.sha256) {
      return {
        refused: `${row.relativePath} is not marked "Already in the library"; there is nothing to import again.`,
      }
    }
    const identitySuffix = againSuffix(now())
    const externalId = contentExternalId(row.sha256, identitySuffix) ?? ''
    return {
      change: { ...step(row, 'import-again'), inLibrary: undefined, identitySuffix, issues: [] },
      message: `${row.relativePath} will be imported again as a new entry (externalId "${externalId}"); the library then holds this content twice.`,
    }
  })
}

export function importRowsAsFiles(
  session: Session,
  rowIds: readonly string[],
  context: PrefillContext,
): Promise<RowActionReport> {
  return applyToRows(session, rowIds, (row) => {
    const refused = importAsFileRefusal(row, context)
    const change = refused ? undefined : importAsFile(row, context)
    if (!change) return { refused: refused ?? `${row.relativePath} cannot be imported as a file.` }
    return { change, message: `${row.relativePath} will be imported as a file; its upload starts now.` }
  })
}
