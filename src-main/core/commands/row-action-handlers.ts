/**
 * Commands for a row's choices: link a conflict row to the library's entry, import a damaged
 * image or video as a file, shorten values too long for their field, and open an imported entry in the Livingdocs editor. The editor URL
 * is built here from the profile's template (never taken from the window) and opened by the host
 * (Electron's shell, http/https only); a host that cannot open it answers the URL and says so.
 */
import { z } from 'zod'
import type { AppInfo } from '../../contract'
import type { ProjectModel } from '../model/livingdocs'
import type { MediaTypeDefaults } from '../prefill/media-type'
import { importRowsAgain, importRowsAsFiles, linkRowsToExisting } from '../pipeline/row-actions'
import type { Session } from '../session/session'
import type { SessionEditor } from '../editing/session-editor'
import { shortenRows } from '../editing/shorten-values'
import { editorUrlFor, isOpenableUrl } from './editor-link'
import { MediaImportError } from './errors'
import type { Handlers } from './handler-types'

const rowIds = z.array(z.string().min(1).max(100)).min(1).max(100_000)

export const rowActionSchemas = {
  linkToExisting: z.object({ rowIds }).strict(),
  importAsFile: z.object({ rowIds }).strict(),
  importAgain: z.object({ rowIds }).strict(),
  shortenValues: z.object({ rowIds }).strict(),
  openInEditor: z.object({ mediaId: z.string().min(1).max(200) }).strict(),
}

/** Opens a URL in the system browser. */
export type OpenExternal = (url: string) => Promise<void>

export interface RowActionDeps {
  session: Session
  /** Shortening is an edit: undone with Ctrl+Z like any other. */
  editor: SessionEditor
  project: () => ProjectModel | undefined
  mediaTypeDefaults?: (() => MediaTypeDefaults | undefined) | undefined
  appInfo: () => AppInfo
  openExternal?: OpenExternal | undefined
}

export function createRowActionHandlers(
  deps: RowActionDeps,
): Pick<Handlers, 'linkToExisting' | 'importAsFile' | 'importAgain' | 'shortenValues' | 'openInEditor'> {
  const { session } = deps
  return {
    linkToExisting: ({ rowIds }) => linkRowsToExisting(session, rowIds),
    importAgain: ({ rowIds }) => importRowsAgain(session, rowIds),
    shortenValues: ({ rowIds }) => shortenRows(session, deps.editor, deps.project(), rowIds),
    importAsFile: ({ rowIds }) => {
      const project = deps.project()
      const defaults = deps.mediaTypeDefaults?.()
      return importRowsAsFiles(session, rowIds, { ...(project ? { project } : {}), ...(defaults ? { defaults } : {}) })
    },
    openInEditor: async ({ mediaId }) => {
      const info = deps.appInfo()
      if (!info.editorUrl) {
        throw new MediaImportError(
          'not-configured',
          `Profile "${info.profileName}" has no Livingdocs editor URL: set livingdocs.editorUrl (with {mediaId}) to open entries from here.`,
        )
      }
      const known = session.snapshot().rows.some((row) => row.result?.mediaId === mediaId)
      if (!known) {
        throw new MediaImportError('unknown-media-id', `No imported row of this session has media id ${mediaId}.`)
      }
      const url = editorUrlFor(info.editorUrl, mediaId)
      if (!url || !isOpenableUrl(url)) {
        throw new MediaImportError(
          'bad-editor-url',
          `The editor URL of profile "${info.profileName}" does not give an http(s) address: check livingdocs.editorUrl.`,
        )
      }
      if (!deps.openExternal) {
        return { url, opened: false, message: `This window cannot open the browser; the entry is at ${url}` }
      }
      try {
        await deps.openExternal(url)
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err)
        return { url, opened: false, message: `The browser could not be opened (${why}); the entry is at ${url}` }
      }
      return { url, opened: true }
    },
  }
}
