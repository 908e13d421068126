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
import { commandNames } from '../src-shared/contract/names'

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

type CommandMethods = {
  [K in CommandName]: CommandArg<K> extends undefined
    ? () => Promise<CommandResult<K>>
    : (arg: CommandArg<K>) => Promise<CommandResult<K>>
}

export type Api = CommandMethods & {
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

  // One method per command of the contract, each sending its own name: a command added to the
  // contract is on `api` with nothing to list here.
  const commands = Object.fromEntries(
    commandNames.map((name) => [name, (arg?: CommandArg<typeof name>) => call(name, arg)]),
  ) as unknown as CommandMethods

  return {
    ...commands,
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
