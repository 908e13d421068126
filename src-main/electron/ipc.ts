/**
 * The only place main touches ipcMain (lint-enforced). Every contract command is registered on
 * its own channel; each message must come from the top frame of our main window showing our
 * renderer, then `dispatchCommand` validates the payload with zod and answers with an IpcResult.
 * Events go to the main window only once its renderer is ready (renderer-readiness.ts).
 */
import { BrowserWindow, ipcMain } from 'electron'
import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { isAbsolute } from 'node:path'
import { commandNames, droppedPathChannel, eventChannel, ipcChannel } from '../contract'
import type { IpcResult } from '../contract'
import type { AllowedPaths } from '../core/commands/allowed-paths'
import { dispatchCommand } from '../core/commands/dispatch'
import type { Emit, Handlers } from '../core/commands/handlers'
import { RendererReadiness } from './renderer-readiness'
import { isRendererSenderUrl } from './security-policy'

export interface MainWindowIpcOptions {
  /** The renderer's origin: app://renderer, or the dev server in development. */
  rendererOrigin: string
  mainWindow: () => BrowserWindow | null
  /** Where paths of real drops are remembered (the preload reports them); absent: not accepted. */
  allowed?: AllowedPaths
}

const refused: IpcResult<never> = {
  ok: false,
  error: {
    code: 'forbidden-sender',
    message: 'This request did not come from the Media Importer window and was refused.',
  },
}

function originOf(url: string | undefined): string {
  if (!url) return 'no frame'
  try {
    const parsed = new URL(url)
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol
  } catch {
    return 'an unparsable URL'
  }
}

export function createMainWindowIpc({ rendererOrigin, mainWindow, allowed }: MainWindowIpcOptions) {
  const readiness = new RendererReadiness<WebContents>()

  const liveWindow = (): BrowserWindow | null => {
    const window = mainWindow()
    return window && !window.isDestroyed() ? window : null
  }

  /** Why a message must be refused, or null when it comes from our renderer. */
  const refusal = (event: IpcMainInvokeEvent): string | null => {
    const window = liveWindow()
    if (!window || BrowserWindow.fromWebContents(event.sender) !== window) return 'not the main window'
    const frame = event.senderFrame
    if (!frame || frame.parent !== null) return 'not the top frame'
    if (!isRendererSenderUrl(frame.url, rendererOrigin)) return `foreign origin ${originOf(frame.url)}`
    return null
  }

  const emit: Emit = (event, payload) => {
    readiness.send(liveWindow()?.webContents, eventChannel(event), payload)
  }

  /** Registers one handler per contract command; returns the function that removes them. */
  const serve = (handlers: Handlers): (() => void) => {
    for (const name of commandNames) {
      ipcMain.handle(ipcChannel(name), async (event, rawArg: unknown): Promise<IpcResult<unknown>> => {
        const reason = refusal(event)
        if (reason !== null) {
          // Never log the payload: it may carry paths or, later, credentials.
          console.warn(`[ipc] refused '${name}': ${reason}`)
          return refused
        }
        readiness.markReady(event.sender)
        return dispatchCommand(handlers, name, rawArg)
      })
    }
    // The preload's report of a dropped file: same sender checks; only an absolute path of sane size.
    ipcMain.handle(droppedPathChannel, (event, path: unknown): boolean => {
      const reason = refusal(event)
      if (reason !== null) {
        console.warn(`[ipc] refused a dropped path: ${reason}`)
        return false
      }
      if (!allowed || typeof path !== 'string' || path.length > 4096 || !isAbsolute(path)) return false
      allowed.remember([path])
      return true
    })
    return () => {
      for (const name of commandNames) ipcMain.removeHandler(ipcChannel(name))
      ipcMain.removeHandler(droppedPathChannel)
    }
  }

  /** Tracks the window's renderer: not ready again after a navigation, reload or crash. */
  const watch = (window: BrowserWindow): void => {
    const contents = window.webContents
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) readiness.markNotReady(contents)
    })
    contents.on('render-process-gone', () => readiness.markNotReady(contents))
  }

  return { emit, serve, watch }
}
