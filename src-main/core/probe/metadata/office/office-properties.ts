/**
 * An office document's own properties, as Word, Excel, PowerPoint and LibreOffice write them:
 * OOXML's core properties part (`docProps/core.xml`, ECMA-376 Part 2 §11: dc:title,
 * dc:description, dc:subject, dc:creator, cp:keywords) and ODF's `meta.xml` (OpenDocument 1.3
 * Part 3 §4.3: dc:title, dc:description, dc:subject, meta:initial-creator, meta:keyword). Like
 * other text a container keeps outside EXIF/IPTC/XMP, they fill the row's fields (plain-text.ts).
 */
import type { ReadAt } from '../../video/bmff-boxes'
import { splitKeywords, type PlainText } from '../plain-text'
import { elementContents, xmlText } from '../xml-text'
import { readZipEntry } from './zip-entry'

const ooxml = 'application/vnd.openxmlformats-officedocument.'
const odf = 'application/vnd.oasis.opendocument.'

/** Word, Excel and PowerPoint files with macros (.docm, .xlsm, .pptm…) are OOXML packages too. */
const macroEnabled = /^application\/vnd\.ms-(word|excel|powerpoint)\.[\w.]*macroenabled/

export const isOfficeMime = (mime: string): boolean =>
  mime.startsWith(ooxml) || mime.startsWith(odf) || macroEnabled.test(mime)

const first = (xml: string, local: string): string | undefined =>
  elementContents(xml, local)
    .map(xmlText)
    .find((t) => t.length > 0)

const all = (xml: string, local: string): string[] => elementContents(xml, local).map(xmlText).filter(Boolean)

/** OOXML keywords: one string ("a, b; c"), or one `<cp:value>` per language (ECMA-376 Part 2 §11.1). */
function ooxmlKeywords(xml: string): string[] | undefined {
  const [content] = elementContents(xml, 'keywords')
  if (content === undefined) return undefined
  const values = all(content, 'value')
  return splitKeywords(values.length > 0 ? values.join(',') : xmlText(content))
}

function fromCore(xml: string): PlainText {
  return {
    title: first(xml, 'title'),
    // Word's "Comments" is dc:description; its "Subject" is the next best caption.
    description: first(xml, 'description') ?? first(xml, 'subject'),
    creator: first(xml, 'creator'),
    keywords: ooxmlKeywords(xml),
  }
}

function fromMeta(xml: string): PlainText {
  const keywords = all(xml, 'keyword')
  return {
    title: first(xml, 'title'),
    description: first(xml, 'description') ?? first(xml, 'subject'),
    // ODF's dc:creator is whoever saved it last; the author is meta:initial-creator.
    creator: first(xml, 'initial-creator') ?? first(xml, 'creator'),
    keywords: keywords.length > 0 ? keywords : undefined,
  }
}

/** The document's properties, or undefined when it has no properties part (or is no ZIP). */
export async function readOfficeProperties(readAt: ReadAt, size: number, mime: string): Promise<PlainText | undefined> {
  const isOdf = mime.startsWith(odf)
  const part = await readZipEntry(readAt, size, isOdf ? 'meta.xml' : 'docProps/core.xml')
  if (!part) return undefined
  const xml = part.toString('utf8')
  return isOdf ? fromMeta(xml) : fromCore(xml)
}
