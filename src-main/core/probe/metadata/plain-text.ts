/**
 * Descriptive text that containers keep outside EXIF, IPTC and XMP: PNG text chunks, an SVG's
 * `<title>`/`<desc>`, a PDF's Info dictionary, a video's own tags. The MWG guidelines do not
 * rank these; like ExifTool's composite tags we use them only where EXIF, IPTC and XMP have
 * no value, so a file edited in a metadata-aware tool still shows that tool's values.
 */
import type { EmbeddedMetadata } from '../../model/probe-facts'

export interface PlainText {
  title?: string
  description?: string
  creator?: string
  copyright?: string
  credit?: string
  keywords?: string[]
  dateTaken?: string
}

const clean = (s: string | undefined): string | undefined => {
  const t = s?.replace(/\0+$/, '').trim()
  return t ? t : undefined
}

/** Splits a keywords string as PDF and PNG writers join them: by `,` or `;`. */
export function splitKeywords(value: string | undefined): string[] | undefined {
  const list = (value ?? '')
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
  return list.length > 0 ? list : undefined
}

/** Fills the fields `embedded` lacks from `plain`; never overwrites. */
export function fillGaps(embedded: EmbeddedMetadata, plain: PlainText | undefined): EmbeddedMetadata {
  if (!plain) return embedded
  for (const key of ['title', 'description', 'creator', 'copyright', 'credit', 'dateTaken'] as const) {
    const value = clean(plain[key])
    if (embedded[key] === undefined && value !== undefined) embedded[key] = value
  }
  const keywords = plain.keywords?.map((k) => k.trim()).filter((k) => k.length > 0)
  if (embedded.keywords === undefined && keywords && keywords.length > 0) embedded.keywords = keywords
  return embedded
}
