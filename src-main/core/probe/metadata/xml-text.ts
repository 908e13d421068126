/** Text content of small XML documents read without a parser (SVG, Office properties). */

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** An element's content as plain text: CDATA kept, inner tags dropped, entities decoded, spaces folded. */
export function xmlText(content: string): string {
  return content
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
      e[0] === '#'
        ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
        : (entities[e] ?? all),
    )
    .replace(/\s+/g, ' ')
    .trim()
}

/** The contents of every `<prefix:local>` element (any prefix the document chose), in order. */
export function elementContents(xml: string, local: string): string[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w.-]+:)?${local}\\s*>`, 'g')
  return [...xml.matchAll(re)].map((m) => m[1] as string)
}
