/**
 * Matroska/WebM tags (RFC 9559 §5.1.8, Matroska tagging guidelines): the SimpleTags of the
 * Tag whose target is the whole file (no track or chapter UID, target type 50 or none), by
 * their official names. ffmpeg maps title/description/comment/keywords/copyright/artist here.
 */
import type { PlainText } from '../metadata/plain-text'
import { splitKeywords } from '../metadata/plain-text'
import { elements, text, uint, type Element } from './ebml'

const ID = {
  tag: 0x7373,
  targets: 0x63c0,
  targetTypeValue: 0x68ca,
  trackUid: 0x63c5,
  chapterUid: 0x63c4,
  simpleTag: 0x67c8,
  tagName: 0x45a3,
  tagString: 0x4487,
} as const

function wholeFile(buf: Buffer, targets: Element | undefined): boolean {
  if (!targets) return true
  for (const e of elements(buf, targets.start, targets.end ?? buf.length)) {
    if (e.id === ID.trackUid || e.id === ID.chapterUid) return false
    if (e.id === ID.targetTypeValue && uint(buf, e) !== 50) return false
  }
  return true
}

/** The file-level tags in a `Tags` element. */
export function readMatroskaTags(buf: Buffer, tags: Element): PlainText {
  const values = new Map<string, string>()
  for (const tag of elements(buf, tags.start, tags.end ?? buf.length)) {
    if (tag.id !== ID.tag) continue
    const children = [...elements(buf, tag.start, tag.end ?? buf.length)]
    if (
      !wholeFile(
        buf,
        children.find((e) => e.id === ID.targets),
      )
    )
      continue
    for (const simple of children) {
      if (simple.id !== ID.simpleTag) continue
      let name: string | undefined
      let value: string | undefined
      for (const e of elements(buf, simple.start, simple.end ?? buf.length)) {
        if (e.id === ID.tagName) name = text(buf, e).toUpperCase()
        else if (e.id === ID.tagString) value = text(buf, e)
      }
      if (name && value && !values.has(name)) values.set(name, value)
    }
  }
  return {
    title: values.get('TITLE'),
    description: values.get('DESCRIPTION') ?? values.get('SUMMARY') ?? values.get('COMMENT'),
    creator: values.get('ARTIST') ?? values.get('DIRECTOR'),
    copyright: values.get('COPYRIGHT'),
    keywords: splitKeywords(values.get('KEYWORDS')),
  }
}
