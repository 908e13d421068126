/**
 * Exposes `window.mediaImport`, built from the contract: one named method per command, each bound
 * to its own channel (there is no generic `invoke(channel)`), `on` for the contract's events only,
 * and `pathForFile` for dropped files. The preload runs sandboxed, so it is bundled as CommonJS
 * and may import only 'electron' and the contract (types plus tiny constants).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type { IpcRendererEvent } from 'electron'
import { commandNames, droppedPathChannel, eventChannel, eventNames, ipcChannel } from './contract'
import type { CommandName, EventName, Events, MediaImportBridge } from './contract'

type CommandMethods = Omit<MediaImportBridge, 'on' | 'pathForFile'>

/** Reports of dropped files still on their way to main; addPaths waits for them. */
const droppedReports: Promise<unknown>[] = []

function commandMethod(name: CommandName) {
  const channel = ipcChannel(name)
  // Only the first argument is forwarded; main validates it against the command's schema.
  if (name === 'addPaths') {
    return async (arg?: unknown): Promise<unknown> => {
      // Main scans only paths it was told were dropped (or that were picked): tell it first.
      await Promise.allSettled(droppedReports.splice(0))
      return ipcRenderer.invoke(channel, arg)
    }
  }
  return (arg?: unknown): Promise<unknown> => ipcRenderer.invoke(channel, arg)
}

const commands = Object.fromEntries(
  commandNames.map((name) => [name, commandMethod(name)]),
) as unknown as CommandMethods

function isEventName(name: unknown): name is EventName {
  return (eventNames as readonly unknown[]).includes(name)
}

const bridge: MediaImportBridge = {
  ...commands,
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    if (!isEventName(event)) throw new TypeError(`mediaImport.on: unknown event '${String(event)}'`)
    if (typeof listener !== 'function') throw new TypeError('mediaImport.on: the listener must be a function')
    const channel = eventChannel(event)
    // The renderer gets the payload only, never the IpcRendererEvent (it exposes `sender`).
    const forward = (_event: IpcRendererEvent, payload: Events[E]): void => listener(payload)
    ipcRenderer.on(channel, forward)
    return () => {
      ipcRenderer.removeListener(channel, forward)
    }
  },
  pathForFile(file: File): string {
    // Only a File from a real drop has a path; one the page made itself resolves to ''.
    const path = webUtils.getPathForFile(file)
    if (path) droppedReports.push(ipcRenderer.invoke(droppedPathChannel, path))
    return path
  },
}

contextBridge.exposeInMainWorld('mediaImport', bridge)
