/**
 * An SVG's own description (SVG 1.1 §5.4, §21): the `<title>` and `<desc>` that are children
 * of the root, and the RDF inside `<metadata>` (Inkscape writes Dublin Core there: title,
 * description, creator, rights, subject). The RDF goes to the XMP reader; title and desc fill
 * what it leaves empty.
 */
import type { PlainText } from './plain-text'
import { xmlText } from './xml-text'

export interface SvgMetadata {
  /** The `<rdf:RDF>` element, for the XMP reader. */
  rdf?: Buffer
  plain: PlainText
}

/** The text of the first `<name>` child of the root `<svg>` (any prefix), before any drawing. */
function rootChild(xml: string, body: number, name: string): string | undefined {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>`, 'g')
  re.lastIndex = body
  const m = re.exec(xml)
  if (!m) return undefined
  // Only the root's own title: not one inside a <g> or <symbol> that opens before it.
  const before = xml.slice(body, m.index)
  if (/<(?:[\w.-]+:)?(g|symbol|defs|a|path|rect|circle|text|use|image)[\s>/]/.test(before)) return undefined
  return xmlText(m[1] as string) || undefined
}

export function readSvgMetadata(svg: Buffer): SvgMetadata {
  const xml = svg.toString('utf8')
  const root = /<(?:[\w.-]+:)?svg[\s>]/.exec(xml)
  const out: SvgMetadata = { plain: {} }
  if (!root) return out
  const body = xml.indexOf('>', root.index) + 1
  out.plain.title = rootChild(xml, body, 'title')
  out.plain.description = rootChild(xml, body, 'desc')
  const rdfStart = xml.search(/<rdf:RDF[\s>]/)
  const rdfEnd = rdfStart < 0 ? -1 : xml.indexOf('</rdf:RDF>', rdfStart)
  if (rdfEnd > 0) {
    // The rdf prefix may be declared on the root; carry its declaration into the fragment.
    let fragment = xml.slice(rdfStart, rdfEnd + '</rdf:RDF>'.length)
    if (!/^<rdf:RDF[^>]*xmlns:rdf=/.test(fragment))
      fragment = fragment.replace('<rdf:RDF', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"')
    const declared = xml.slice(root.index, body).match(/xmlns:[\w.-]+\s*=\s*("[^"]*"|'[^']*')/g) ?? []
    fragment = `<x:xmpmeta xmlns:x="adobe:ns:meta/" ${declared.join(' ')}>${fragment}</x:xmpmeta>`
    out.rdf = Buffer.from(fragment, 'utf8')
  }
  return out
}
