/**
 * Electronegativity findings on the build output that were reviewed and accepted, each with the
 * reason. Anything else it finds fails `npm test`; an entry that no longer matches a finding fails
 * too, so this list only ever holds what is true today. Add an entry only with a reason a
 * reviewer can check in the code.
 */
export interface TriagedFinding {
  id: string
  /** The finding's file, relative to `out/` (e.g. `main/index.js`). */
  file: string
  /** Must match the finding's sample (the offending line or the CSP), so a new occurrence is not waved through. */
  sample: RegExp
  reason: string
}

export const triagedFindings: readonly TriagedFinding[] = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/index.js',
    sample: /^\s*if \(isSafeExternalUrl\(url\)\) electron\.shell\.openExternal\(url\)/,
    reason:
      'security-guards.ts opens a link in the system browser only after isSafeExternalUrl (http/https, ' +
      'no credentials in the URL; tested in security-policy.test.ts), and the window is denied in every case.',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/index.js',
    sample: /^\s*await shell\.openExternal\(url, \{ activate: true \}\);?$/,
    reason:
      'open-external.ts ("Open in Livingdocs") refuses anything isOpenableUrl does not accept (http/https, no ' +
      'credentials; editor-link.test.ts, open-external.test.ts) before shell.openExternal.',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/index.js',
    sample: /^\s*await deps\.openExternal\(url\);?$/,
    reason:
      "row-action-handlers.ts (openInEditor) builds the URL in main from the profile's editorUrl template with " +
      'the media id URL-encoded, only for a media id an imported row of the session has; the renderer never ' +
      'passes a URL. The host dep checks http(s) again (open-external.ts).',
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    // Exactly our policy: any change to it is looked at again.
    sample:
      /^default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: media-thumb:; media-src 'self' media-file:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'$/,
    reason:
      "csp-evaluator's only remark is \"script-src 'self' can be problematic if you host JSONP, Angular or " +
      "user uploaded files\". 'self' is app://renderer, which serves only the files of the built renderer " +
      "folder (renderer-files.ts confines it, app-protocol.ts answers nothing else); editors' media and " +
      "thumbnails come through media-thumb:, and a video row's bytes (for a poster frame) through media-file: " +
      '(media-src only; media-file-protocol.ts serves a video row of the open session by row id), neither of ' +
      'which script-src allows; there is no JSONP and no Angular.',
  },
]
