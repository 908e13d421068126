/**
 * The window's AppInfo asked for again, when the session's name changed: the first drop names a
 * new session and the editor may rename it (main works the name out at each getAppInfo).
 */
import type { Api } from '../api'
import { useAppStore } from './app-store'

/** A failure keeps the last AppInfo: the banner shows the name it had. */
export function refreshAppInfo(api: Pick<Api, 'getAppInfo'>): void {
  api.getAppInfo().then(
    (info) => useAppStore.getState().receiveAppInfo(info),
    () => undefined,
  )
}
