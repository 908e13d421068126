/**
 * Text formats have no magic number, so file-type leaves them out; SVG is the one that
 * matters (an image). Decided from the first bytes: binary if they hold NUL bytes or are not
 * UTF-8/UTF-16, then by the first element or character, then by extension for plain text.
 */

export interface TextType {
  mimeType: string
  extension: string
}

const byExtension: Record<string, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  md: 'text/markdown',
  markdown: 'text/markdown',
  srt: 'application/x-subrip',
  vtt: 'text/vtt',
  ics: 'text/calendar',
  vcf: 'text/vcard',
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  rtf: 'application/rtf',
  yaml: 'application/yaml',
  yml: 'application/yaml',
}

function decodeText(head: Buffer): string | undefined {
  if (head.length === 0) return undefined
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    const body = head[0] === 0xff ? head.subarray(2) : Buffer.from(head.subarray(2)).swap16()
    return body.toString('utf16le', 0, body.length - (body.length % 2))
  }
  const sample = head.subarray(0, 8192)
  if (sample.includes(0)) return undefined
  // A multi-byte character cut at the end of the sample is not a reason to call it binary.
  const text = sample.toString('utf8').replace(/\uFFFD{1,3}$/, '')
  if (text.includes('\uFFFD')) return undefined
  let controls = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) controls++
  }
  return controls > text.length / 100 ? undefined : text
}

function after(text: string, token: string): string {
  const at = text.indexOf(token)
  return at < 0 ? '' : text.slice(at + token.length)
}

/** Skips the XML declaration, comments, processing instructions and the doctype. */
function firstElement(text: string): string | undefined {
  let rest = text.replace(/^\uFEFF/, '')
  for (;;) {
    rest = rest.trimStart()
    if (rest.startsWith('<?')) rest = after(rest, '?>')
    else if (rest.startsWith('<!--')) rest = after(rest, '-->')
    else if (/^<!doctype/i.test(rest)) rest = after(rest, '>')
    else break
  }
  return /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1]
}

export function sniffText(head: Buffer, extension: string): TextType | undefined {
  const text = decodeText(head)
  if (text === undefined) return undefined
  const root = firstElement(text)
  if (root !== undefined) {
    const local = root.slice(root.indexOf(':') + 1).toLowerCase()
    if (local === 'svg') return { mimeType: 'image/svg+xml', extension: 'svg' }
    if (local === 'html') return { mimeType: 'text/html', extension: 'html' }
    return {
      mimeType: byExtension[extension] ?? 'application/xml',
      extension: extension in byExtension ? extension : 'xml',
    }
  }
  if (/^\s*<!doctype html/i.test(text)) return { mimeType: 'text/html', extension: 'html' }
  const known = byExtension[extension]
  if (known) return { mimeType: known, extension }
  if (/^\s*[[{]/.test(text)) {
    try {
      JSON.parse(text)
      return { mimeType: 'application/json', extension: 'json' }
    } catch {
      // Only the head was read, or it is not JSON: plain text either way.
    }
  }
  return { mimeType: 'text/plain', extension: 'txt' }
}
