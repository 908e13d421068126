/**
 * Which dropped entries are not media: OS bookkeeping, AppleDouble shadows, editor sidecars,
 * hidden files. Decided from the name alone, before any syscall, so a camera card full of
 * `._IMG_0001.JPG` shadows costs nothing.
 */
import type { SkipCode } from './scanned-file'

export interface SkipVerdict {
  code: SkipCode
  reason: string
}

const osFiles = new Map<string, string>([
  ['.ds_store', 'macOS folder settings (.DS_Store)'],
  ['thumbs.db', 'Windows thumbnail cache (Thumbs.db)'],
  ['ehthumbs.db', 'Windows thumbnail cache (ehthumbs.db)'],
  ['ehthumbs_vista.db', 'Windows thumbnail cache (ehthumbs_vista.db)'],
  ['desktop.ini', 'Windows folder settings (desktop.ini)'],
  ['icon\r', 'macOS folder icon (Icon\\r)'],
  ['.localized', 'macOS localisation marker (.localized)'],
])

const osFolders = new Map<string, string>([
  ['__macosx', 'macOS archive shadow folder (__MACOSX)'],
  ['$recycle.bin', 'Windows recycle bin'],
  ['system volume information', 'Windows volume bookkeeping'],
])

// Sidecars describe another file; importing them would create entries with no picture.
const sidecarExtensions = new Map<string, string>([
  ['.aae', 'Apple edit sidecar (.AAE)'],
  ['.xmp', 'XMP metadata sidecar (.xmp)'],
  ['.thm', 'camera thumbnail sidecar (.THM)'],
])

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot).toLowerCase() : ''
}

export function skipVerdict(name: string, isDirectory: boolean): SkipVerdict | undefined {
  const lower = name.toLowerCase()
  if (isDirectory) {
    const os = osFolders.get(lower)
    if (os) return { code: 'os-file', reason: os }
    if (name.startsWith('.')) return { code: 'hidden-folder', reason: `hidden folder (${name}), not scanned` }
    return undefined
  }
  const os = osFiles.get(lower)
  if (os) return { code: 'os-file', reason: os }
  if (name.startsWith('._')) return { code: 'os-file', reason: 'macOS resource fork shadow (._ file)' }
  if (name.startsWith('.')) return { code: 'hidden', reason: 'hidden file' }
  const sidecar = sidecarExtensions.get(extensionOf(name))
  if (sidecar) return { code: 'sidecar', reason: sidecar }
  return undefined
}
