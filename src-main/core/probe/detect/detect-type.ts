/**
 * Kind and MIME type from the bytes: file-type for binary formats, text sniffing for SVG and
 * other text, the extension only to name TIFF-based RAW formats and plain-text flavours. An
 * extension that disagrees with the content is a warning on the row, never the answer.
 */
import type * as FileType from 'file-type'
import type { MediaKind } from '../../model/row'
import type { ProbeWarning } from '../../model/probe-facts'
import { sniffCommon } from './common-magic'
import { extensionsOf, isUnsupportedImage, kindOfMime, rawMimeFromTiffExtension } from './media-kinds'
import { sniffRaw } from './raw-magic'
import { sniffText } from './text-sniff'

export interface Detection {
  mimeType: string
  /** Fits the content; the file's own when it fits, so `.jpeg` stays `.jpeg`. */
  extension: string
  kind: MediaKind
  warnings: ProbeWarning[]
}

export function extensionOfName(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : ''
}

/**
 * The format's name for an editor: the MIME subtype (`HEIC`, `CANON-CRW`), or the content's
 * extension where the subtype is a vendor path (`vnd.adobe.photoshop` is PSD, not ADOBE.PHOTOSHOP).
 */
const label = (mime: string, extension: string): string => {
  const sub = (mime.split('/')[1] ?? mime).replace(/^x-/, '').replace(/^vnd\./, '')
  return (sub.includes('.') && extension ? extension : sub).toUpperCase()
}

/** file-type's names that have a registered one: M4A is audio/mp4 (RFC 4337), as exiftool says. */
const standardNames: Record<string, string> = { 'audio/x-m4a': 'audio/mp4' }

/**
 * file-type (and its tokenizers, zip and stream readers) is loaded on the first file that
 * neither our JPEG check nor common-magic.ts decides (office files, ASF, MPEG-TS/PS, rarer
 * formats): loading it takes longer than the rest of `media-import scan photo.jpg` together.
 */
let fileType: Promise<typeof FileType> | undefined
const loadFileType = (): Promise<typeof FileType> => (fileType ??= import('file-type'))

async function sniffBinary(head: Buffer): Promise<{ mime: string; ext: string } | undefined> {
  // Camera JPEGs are most of every drop: decided exactly as file-type decides them (FF D8 FF,
  // unless JPEG-LS; no earlier check of its can match these bytes), without its tokenizer.
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff && head[3] !== 0xf7) {
    return { mime: 'image/jpeg', ext: 'jpg' }
  }
  const raw = sniffRaw(head)
  if (raw) return raw
  const common = sniffCommon(head)
  if (common) return common
  try {
    const { fileTypeFromBuffer } = await loadFileType()
    return await fileTypeFromBuffer(head)
  } catch {
    // A damaged header can throw inside a format parser: treat it as unknown content.
    return undefined
  }
}

export async function detectType(head: Buffer, fileName: string): Promise<Detection> {
  const ext = extensionOfName(fileName)
  const warnings: ProbeWarning[] = []
  let mime: string
  let sniffed: string
  const binary = await sniffBinary(head)
  if (binary && binary.mime !== 'application/xml') {
    mime = standardNames[binary.mime] ?? binary.mime
    sniffed = binary.ext
    const raw = mime === 'image/tiff' ? rawMimeFromTiffExtension(ext) : undefined
    if (raw) mime = raw
  } else {
    const text = sniffText(head, ext)
    mime = text?.mimeType ?? 'application/octet-stream'
    sniffed = text?.extension ?? ext
  }
  const kind = kindOfMime(mime)
  if (isUnsupportedImage(mime)) {
    warnings.push({
      code: 'unsupported-image',
      message: `${label(mime, sniffed)} images cannot be shown by the Media Library; this one is imported as a file.`,
    })
  }
  const fitting = mime === 'application/octet-stream' ? [] : extensionsOf(mime, sniffed)
  if (!ext) {
    warnings.push({
      code: 'no-extension',
      message: `The file name has no extension; the content is ${label(mime, sniffed)} (${mime}).`,
    })
  } else if (fitting.length > 0 && !fitting.includes(ext)) {
    warnings.push({
      code: 'extension-mismatch',
      message: `The name says .${ext} but the content is ${label(mime, sniffed)} (${mime}); it is imported as ${label(mime, sniffed)}.`,
    })
  }
  const extension = ext && (fitting.length === 0 || fitting.includes(ext)) ? ext : (fitting[0] ?? sniffed ?? ext)
  return { mimeType: mime, extension, kind, warnings }
}
