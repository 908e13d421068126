/**
 * What an XMP packet was read into (`xmp-packet.ts` reads it): each property's value keyed by
 * namespace URI + local name, and the ways the metadata readers ask for them (a text, a list, a
 * structure's field).
 */

export type XmpValue =
  | { kind: 'simple'; value: string }
  | { kind: 'list'; values: string[] }
  | { kind: 'alt'; values: { lang: string; value: string }[] }

export class XmpProperties {
  constructor(private readonly values: Map<string, XmpValue>) {}

  get size(): number {
    return this.values.size
  }

  /** The x-default (or first) alternative, the first list item, or the simple value. */
  text(ns: string, name: string): string | undefined {
    const v = this.values.get(ns + name)
    if (!v) return undefined
    if (v.kind === 'simple') return v.value || undefined
    if (v.kind === 'list') return v.values.find((x) => x) ?? undefined
    return (v.values.find((x) => x.lang === 'x-default') ?? v.values[0])?.value || undefined
  }

  /** A field of a structure property, one value per structure (e.g. each Licensor's LicensorName). */
  structField(ns: string, name: string, fieldNs: string, field: string): string[] | undefined {
    return this.list(ns, `${name}/${fieldNs}${field}`)
  }

  list(ns: string, name: string): string[] | undefined {
    const v = this.values.get(ns + name)
    if (!v) return undefined
    const all = v.kind === 'simple' ? [v.value] : v.kind === 'list' ? v.values : v.values.map((x) => x.value)
    const clean = all.map((s) => s.trim()).filter((s) => s.length > 0)
    return clean.length > 0 ? clean : undefined
  }
}
