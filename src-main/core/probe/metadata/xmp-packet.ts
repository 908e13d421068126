/**
 * Reads the simple, list and language-alternative properties of an XMP packet (XMP spec
 * part 1 §7: RDF/XML serialisation), keyed by namespace URI + local name so any prefix works.
 * Of structures (`rdf:parseType="Resource"`, alone or as list items, as exiftool writes the IPTC
 * Extension and PLUS ones) the direct fields are kept as lists under "struct/field"
 * (structField()): Copyright Owner's CopyrightOwnerName, Licensor's LicensorName… A small tolerant tokenizer,
 * not a validating XML parser: camera and agency XMP is often sloppy, and a missing field is
 * better than a rejected file.
 */
import { XmpProperties, type XmpValue } from './xmp-properties'

export type { XmpValue }
export { XmpProperties }

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  xmpRights: 'http://ns.adobe.com/xap/1.0/rights/',
  exif: 'http://ns.adobe.com/exif/1.0/',
  tiff: 'http://ns.adobe.com/tiff/1.0/',
  iptcCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
  iptcExt: 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/',
  plus: 'http://ns.useplus.org/ldf/xmp/1.0/',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const

const attribute = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
const entity = /&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g
const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(entity, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16))
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10))
    return named[e] ?? ''
  })
}

type Role = 'rdf' | 'description' | 'property' | 'container' | 'item' | 'field' | 'other'

/** One open element; every field is set at creation so all instances share one shape. */
class Open {
  key = ''
  text = ''
  lang = ''
  resource: string | undefined = undefined
  items: { lang: string; value: string }[] | undefined = undefined
  container: 'list' | 'alt' = 'list'
  /** A struct (property or list item) whose child elements are its fields. */
  struct = false
  constructor(
    public role: Role,
    readonly ns: Map<string, string>,
  ) {}
}

const noNamespaces = new Map<string, string>()

function expand(qname: string, ns: Map<string, string>): string {
  const colon = qname.indexOf(':')
  if (colon < 0) return (ns.get('') ?? '') + qname
  const prefix = qname.slice(0, colon)
  // `xml:` is bound by the XML spec itself and never declared.
  const uri = prefix === 'xml' ? NS.xml : ns.get(prefix)
  return (uri ?? `${prefix}:`) + qname.slice(colon + 1)
}

function findAttribute(plain: [string, string][], ns: Map<string, string>, uri: string): string | undefined {
  for (const [name, value] of plain) if (expand(name, ns) === uri) return value
  return undefined
}

const rdfEnd = Buffer.from('</rdf:RDF>')

function decodePacket(packet: Buffer): string {
  if (packet[0] === 0xfe && packet[1] === 0xff) return Buffer.from(packet.subarray(2)).swap16().toString('utf16le')
  if (packet[0] === 0xff && packet[1] === 0xfe) return packet.toString('utf16le', 2)
  // Packets carry kilobytes of padding for in-place edits; nothing after the RDF matters.
  const end = packet.lastIndexOf(rdfEnd)
  return packet.toString('utf8', 0, end < 0 ? packet.length : end + rdfEnd.length)
}

/**
 * A copy that does not pin the packet: V8 keeps substrings as slices of their parent, so a
 * 20-character title taken from a 3 kB packet would hold all 3 kB for as long as the row lives.
 */
function own(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1)
}

class Reader {
  readonly values = new Map<string, XmpValue>()
  private readonly stack: Open[] = []

  /** Only properties in these namespaces are kept (all when undefined). */
  constructor(private readonly namespaces: ReadonlySet<string> | undefined) {}

  private wanted(key: string): boolean {
    if (!this.namespaces) return true
    for (const ns of this.namespaces) if (key.startsWith(ns)) return true
    return false
  }

  /** Struct fields add up: a list of Licensors gives one LicensorName each. */
  private keepField(key: string, value: string): void {
    if (!value) return
    const known = this.values.get(key)
    if (known?.kind === 'list') known.values.push(own(value))
    else if (!known) this.values.set(key, { kind: 'list', values: [own(value)] })
  }

  private keep(key: string, value: XmpValue): void {
    if (this.values.has(key)) return
    if (value.kind === 'simple') value.value = own(value.value)
    else if (value.kind === 'list') value.values = value.values.map(own)
    else for (const item of value.values) item.value = own(item.value)
    this.values.set(key, value)
  }

  text(text: string, encoded: boolean): void {
    const top = this.stack[this.stack.length - 1]
    if (top && (top.role === 'property' || top.role === 'item' || top.role === 'field'))
      top.text += encoded ? decodeEntities(text) : text
  }

  close(): void {
    const open = this.stack.pop()
    if (!open) return
    const parent = this.stack[this.stack.length - 1]
    if (open.role === 'item') {
      parent?.items?.push({ lang: open.lang, value: open.text.trim() })
    } else if (open.role === 'container') {
      if (parent) {
        parent.items = open.items
        parent.container = open.container
      }
    } else if (open.role === 'property' && !open.struct) {
      this.finishProperty(open)
    } else if (open.role === 'field') {
      const alt = open.items?.find((i) => i.lang === 'x-default') ?? open.items?.[0]
      this.keepField(open.key, (open.items ? (alt?.value ?? '') : open.text).trim())
    }
  }

  private finishProperty(open: Open): void {
    if (open.items && open.container === 'alt') this.keep(open.key, { kind: 'alt', values: open.items })
    else if (open.items) this.keep(open.key, { kind: 'list', values: open.items.map((i) => i.value) })
    else if (open.resource !== undefined) this.keep(open.key, { kind: 'simple', value: open.resource })
    else if (open.text.trim()) this.keep(open.key, { kind: 'simple', value: open.text.trim() })
  }

  open(qname: string, attrs: string, selfClosing: boolean): void {
    const top = this.stack[this.stack.length - 1]
    const inherited = top?.ns ?? noNamespaces
    let ns = inherited
    const plain: [string, string][] = []
    if (attrs) {
      attribute.lastIndex = 0
      for (let a = attribute.exec(attrs); a; a = attribute.exec(attrs)) {
        const name = a[1] as string
        const value = decodeEntities(a[2] ?? a[3] ?? '')
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
          // Copy on write: most elements declare nothing and share their parent's map.
          if (ns === inherited) ns = new Map(ns)
          ns.set(name === 'xmlns' ? '' : name.slice(6), value)
        } else plain.push([name, value])
      }
    }
    const full = expand(qname, ns)
    const parentRole = top?.role
    let role: Role = 'other'
    if (full === `${NS.rdf}RDF`) role = 'rdf'
    else if (full === `${NS.rdf}Description` && parentRole === 'rdf') role = 'description'
    else if (parentRole === 'description') role = 'property'
    else if (top?.struct) role = 'field'
    else if (
      (parentRole === 'property' || parentRole === 'field') &&
      /^(Alt|Seq|Bag)$/.test(full.slice(NS.rdf.length)) &&
      full.startsWith(NS.rdf)
    ) {
      role = 'container'
    } else if (parentRole === 'container' && full === `${NS.rdf}li`) role = 'item'
    const open = new Open(role, ns)
    if (role === 'description') {
      for (const [name, value] of plain) {
        const key = expand(name, ns)
        if (!key.startsWith(NS.rdf) && !key.startsWith(NS.xml) && this.wanted(key))
          this.keep(key, { kind: 'simple', value })
      }
    } else if (role === 'property' && !this.wanted(full)) {
      open.role = 'other'
    } else if (role === 'property') {
      open.key = full
      open.resource = findAttribute(plain, ns, `${NS.rdf}resource`)
      open.struct = findAttribute(plain, ns, `${NS.rdf}parseType`) === 'Resource'
    } else if (role === 'field') {
      // The struct's property: the struct itself, or the property holding the list of structs.
      const owner = top?.role === 'item' ? this.stack[this.stack.length - 3] : top
      open.key = `${owner?.key ?? ''}/${full}`
    } else if (role === 'container') {
      open.items = []
      open.container = full.endsWith('Alt') ? 'alt' : 'list'
    } else if (role === 'item') {
      open.lang = findAttribute(plain, ns, `${NS.xml}lang`) ?? ''
      // Only a list directly in a property holds structs whose fields we keep.
      open.struct =
        this.stack[this.stack.length - 2]?.role === 'property' &&
        findAttribute(plain, ns, `${NS.rdf}parseType`) === 'Resource'
    }
    if (!selfClosing) this.stack.push(open)
    // `<ns:Prop rdf:resource="…"/>` carries its value in the attribute.
    else if (open.role === 'property') this.finishProperty(open)
  }
}

/** Index of the `>` closing the tag that starts at `lt`, skipping quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let quote = 0
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i)
    if (quote) {
      if (c === quote) quote = 0
    } else if (c === 34 || c === 39) quote = c
    else if (c === 62) return i
  }
  return -1
}

function skipPast(xml: string, from: number, end: string): number {
  const at = xml.indexOf(end, from)
  return at < 0 ? xml.length : at + end.length
}

export function readXmp(packet: Buffer, namespaces?: ReadonlySet<string>): XmpProperties {
  const xml = decodePacket(packet)
  const reader = new Reader(namespaces)
  let i = 0
  while (i < xml.length) {
    const lt = xml.indexOf('<', i)
    if (lt < 0) {
      reader.text(xml.slice(i), true)
      break
    }
    if (lt > i) reader.text(xml.slice(i, lt), true)
    if (xml.startsWith('<!--', lt)) i = skipPast(xml, lt, '-->')
    else if (xml.startsWith('<?', lt)) i = skipPast(xml, lt, '?>')
    else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt)
      reader.text(xml.slice(lt + 9, end < 0 ? xml.length : end), false)
      i = end < 0 ? xml.length : end + 3
    } else if (xml.startsWith('<!', lt)) i = skipPast(xml, lt, '>')
    else {
      const gt = tagEnd(xml, lt)
      if (gt < 0) break
      i = gt + 1
      if (xml.charCodeAt(lt + 1) === 47) {
        reader.close()
        continue
      }
      const selfClosing = xml.charCodeAt(gt - 1) === 47
      const body = xml.slice(lt + 1, selfClosing ? gt - 1 : gt)
      const space = body.search(/\s/)
      const qname = space < 0 ? body : body.slice(0, space)
      reader.open(qname, space < 0 ? '' : body.slice(space), selfClosing)
    }
  }
  return new XmpProperties(reader.values)
}
