/**
 * Data in and out of the grid as files: a metadata CSV previewed and applied as one undoable step,
 * and the results exported for the document import that follows. The host writes the export to
 * a file the editor chooses (Electron's save dialog); a host without a dialog (the browser test
 * harness) hands the text back for the window to download.
 */
import type { Handlers } from './handler-types'
import { planMetadataCsv } from '../editing/csv-import'
import { PlanError } from '../editing/plan-edits'
import { resultRecords, resultsCsv, resultsJson } from '../editing/results-export'
import type { SessionEditor } from '../editing/session-editor'
import type { ProjectModel } from '../model/livingdocs'
import type { Session } from '../session/session'
import { MediaImportError } from './errors'

/** Shows a save dialog and writes the text; answers the path written, or null when the editor cancelled. */
export type SaveFile = (suggestedName: string, content: string) => Promise<string | null>

type DataCommand = 'previewMetadataCsv' | 'applyMetadataCsv' | 'exportResults'

const dated = (now: Date): string => now.toISOString().slice(0, 16).replace(/[:T]/g, '-')

export function createDataHandlers(
  session: Session,
  editor: SessionEditor,
  project: () => ProjectModel | undefined,
  saveFile: SaveFile | undefined,
): Pick<Handlers, DataCommand> {
  const plan = (text: string) => {
    try {
      const rows = session.snapshot().rows
      return planMetadataCsv({ project: project(), row: (id) => session.getRow(id) }, rows, text)
    } catch (err) {
      if (err instanceof PlanError) throw new MediaImportError('invalid-argument', err.message)
      throw err
    }
  }
  return {
    previewMetadataCsv: async ({ text }) => plan(text).preview,
    applyMetadataCsv: async ({ text }) => {
      const { plan: writes, preview } = plan(text)
      return { ...editor.commit(writes, `import of ${preview.matched.toLocaleString('en')} CSV line(s)`), preview }
    },
    exportResults: async ({ format }) => {
      const records = resultRecords(session.snapshot().rows)
      const content = format === 'csv' ? resultsCsv(records) : resultsJson(records)
      const fileName = `media-import-results-${dated(new Date())}.${format}`
      if (!saveFile) return { fileName, saved: 'download', content, records: records.length }
      const path = await saveFile(fileName, content)
      return path
        ? { fileName, saved: 'file', path, records: records.length }
        : { fileName, saved: 'cancelled', records: records.length }
    },
  }
}
