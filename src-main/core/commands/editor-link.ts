/**
 * The link into the Livingdocs editor for an imported entry. The URL comes from the profile's
 * template (`livingdocs.editorUrl`, with `{mediaId}`), never from the window: main builds it and
 * opens only http(s). Pure.
 */
export const MEDIA_ID_PLACEHOLDER = '{mediaId}'

/** The editor URL for one entry, or undefined when the template does not give an http(s) URL. */
export function editorUrlFor(template: string, mediaId: string): string | undefined {
  if (!template.includes(MEDIA_ID_PLACEHOLDER) || mediaId === '') return undefined
  const text = template.split(MEDIA_ID_PLACEHOLDER).join(encodeURIComponent(mediaId))
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  return url.href
}

/** Whether a URL may be handed to the system browser: http(s) only, no credentials in it. */
export function isOpenableUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password
  } catch {
    return false
  }
}
