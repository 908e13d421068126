/**
 * The host side of "Open in Livingdocs": main built the URL from the profile's template; this
 * hands it to the system browser, http(s) only, so no other scheme (file:, custom handlers) is
 * ever opened from the app. The window itself still opens nothing (window.open stays denied).
 */
import type { Shell } from 'electron'
import { isOpenableUrl } from '../core/commands/editor-link'
import type { OpenExternal } from '../core/commands/row-action-handlers'

export function externalOpener(shell: Pick<Shell, 'openExternal'>): OpenExternal {
  return async (url) => {
    if (!isOpenableUrl(url)) throw new Error(`only http(s) addresses are opened, not ${JSON.stringify(url)}`)
    await shell.openExternal(url, { activate: true })
  }
}
