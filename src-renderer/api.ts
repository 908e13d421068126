/**
 * Typed access to `window.mediaImport`. Main answers every command with data (`IpcResult`);
 * here a failure becomes a thrown `MediaImportError` again, so components can `try/catch` and
 * still know the code and which row/field it concerns.
 */
import type {
  CommandArg,
  CommandName,
  CommandResult,
  EventName,
  Events,
  IpcError,
  IpcResult,
  MediaImportBridge,
} from '../src-main/contract'

declare global {
  interface Window {
    /** Exposed by the preload (or the browser test bridge); absent in a plain browser tab. */
    mediaImport?: MediaImportBridge
  }
}

export class MediaImportError extends Error {
  readonly code: string
  readonly rowId: string | undefined
  readonly field: string | undefined

  constructor(error: IpcError) {
    super(error.message)
    this.name = 'MediaImportError'
    this.code = error.code
    this.rowId = error.rowId
    this.field = error.field
  }
}

export function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value
  throw new MediaImportError(result.error)
}

export type Api = {
  [K in CommandName]: CommandArg<K> extends undefined
    ? () => Promise<CommandResult<K>>
    : (arg: CommandArg<K>) => Promise<CommandResult<K>>
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
  /** Absolute path of a dropped File, or '' when it is not a file on this computer. */
  pathForFile(file: File): string
  /**
   * Holds the next commands until `paint` resolves (the typed value's frame is on screen), then
   * sends them in the order they were made: main's work and its patch never compete with the
   * frame the editor is waiting for, and nothing overtakes an edit on its way.
   */
  holdUntil(paint: Promise<void>): void
}

export function createApi(getBridge: () => MediaImportBridge | undefined): Api {
  // Commands made while held wait on the same promise; its reactions run in the order they were
  // added, so the commands reach the bridge in the order they were made.
  let held: Promise<void> | null = null
  const bridge = (): MediaImportBridge => {
    const found = getBridge()
    if (found) return found
    throw new MediaImportError({
      code: 'bridge-missing',
      message:
        'The app bridge (window.mediaImport) is missing: open this window from Media Importer, not a browser tab.',
    })
  }

  async function call<K extends CommandName>(name: K, arg?: CommandArg<K>): Promise<CommandResult<K>> {
    if (held) await held
    const method = bridge()[name] as (arg?: CommandArg<K>) => Promise<IpcResult<CommandResult<K>>>
    let result: IpcResult<CommandResult<K>>
    try {
      result = await method(arg)
    } catch (err) {
      // The bridge itself failed (main gone, serialisation); not an answer from a handler.
      const message = err instanceof Error ? err.message : String(err)
      throw new MediaImportError({ code: 'ipc-failed', message: `${name}: ${message}` })
    }
    return unwrap(result)
  }

  return {
    getAppInfo: () => call('getAppInfo'),
    getSnapshot: (arg) => call('getSnapshot', arg),
    addPaths: (arg) => call('addPaths', arg),
    pickPaths: (arg) => call('pickPaths', arg),
    listFolders: (arg) => call('listFolders', arg),
    cancelScan: (arg) => call('cancelScan', arg),
    clearRows: () => call('clearRows'),
    getProject: () => call('getProject'),
    editCells: (arg) => call('editCells', arg),
    bulkEdit: (arg) => call('bulkEdit', arg),
    fillDown: (arg) => call('fillDown', arg),
    pasteCells: (arg) => call('pasteCells', arg),
    findReplace: (arg) => call('findReplace', arg),
    undo: () => call('undo'),
    redo: () => call('redo'),
    getEditHistory: () => call('getEditHistory'),
    previewMetadataCsv: (arg) => call('previewMetadataCsv', arg),
    applyMetadataCsv: (arg) => call('applyMetadataCsv', arg),
    exportResults: (arg) => call('exportResults', arg),
    listTemplates: () => call('listTemplates'),
    saveTemplate: (arg) => call('saveTemplate', arg),
    deleteTemplate: (arg) => call('deleteTemplate', arg),
    applyTemplate: (arg) => call('applyTemplate', arg),
    submit: (arg) => call('submit', arg),
    resubmitFailed: () => call('resubmitFailed'),
    previewLinkedPush: (arg) => call('previewLinkedPush', arg),
    pushLinkedMetadata: (arg) => call('pushLinkedMetadata', arg),
    pickLocaleAsset: (arg) => call('pickLocaleAsset', arg),
    setLocaleAsset: (arg) => call('setLocaleAsset', arg),
    clearLocaleAsset: (arg) => call('clearLocaleAsset', arg),
    linkToExisting: (arg) => call('linkToExisting', arg),
    importAsFile: (arg) => call('importAsFile', arg),
    importAgain: (arg) => call('importAgain', arg),
    shortenValues: (arg) => call('shortenValues', arg),
    openInEditor: (arg) => call('openInEditor', arg),
    storePosterFrame: (arg) => call('storePosterFrame', arg),
    revealLogs: () => call('revealLogs'),
    listProfiles: () => call('listProfiles'),
    saveProfile: (arg) => call('saveProfile', arg),
    deleteProfile: (arg) => call('deleteProfile', arg),
    testProfile: (arg) => call('testProfile', arg),
    listSessions: () => call('listSessions'),
    openSession: (arg) => call('openSession', arg),
    newSession: (arg) => call('newSession', arg),
    deleteSession: (arg) => call('deleteSession', arg),
    renameSession: (arg) => call('renameSession', arg),
    pauseUploads: () => call('pauseUploads'),
    resumeUploads: () => call('resumeUploads'),
    cancelUploads: (arg) => call('cancelUploads', arg),
    retryUploads: (arg) => call('retryUploads', arg),
    getUploadProgress: () => call('getUploadProgress'),
    on: (event, listener) => bridge().on(event, listener),
    pathForFile: (file) => bridge().pathForFile(file),
    holdUntil: (paint) => {
      const gate: Promise<void> = paint.then(
        () => undefined,
        () => undefined,
      )
      held = held ? Promise.all([held, gate]).then(() => undefined) : gate
      const mine = held
      void mine.then(() => {
        if (held === mine) held = null
      })
    },
  }
}

export const api: Api = createApi(() => window.mediaImport)
