/**
 * From the raw metadata blocks a container holds (EXIF as TIFF, an XMP packet, Photoshop
 * resources or a bare IPTC-IIM record) to one reconciled EmbeddedMetadata. A block that
 * cannot be read is reported and skipped; the others still count.
 *
 * EXIF goes through exifr. IPTC and XMP keep their own small readers, because exifr would lose
 * behaviour there: it decodes every IIM dataset as Latin-1 (ignoring the 1:90 UTF-8
 * declaration, so "Zürich" comes out garbled) and does not expose the IIM bytes the MWG
 * digest check hashes; and it keys XMP by the prefix a file happens to use, not by namespace.
 */
import type { EmbeddedMetadata, ProbeWarning } from '../../model/probe-facts'
import { readExifTags, type ExifTags } from './exif-tags'
import { readIim } from './iptc-iim'
import { reconcile, type MetadataSources } from './mwg'
import { iptcFromResources } from './photoshop-irb'
import { fillGaps, type PlainText } from './plain-text'
import { NS, readXmp } from './xmp-packet'

/** The XMP namespaces reconcile() reads; other properties are skipped while parsing. */
const xmpNamespaces: ReadonlySet<string> = new Set([
  NS.dc,
  NS.photoshop,
  NS.xmp,
  NS.xmpRights,
  NS.exif,
  NS.iptcCore,
  NS.iptcExt,
  NS.plus,
])

export interface MetadataBlocks {
  /** TIFF structure; an `Exif\0\0` preamble is tolerated. */
  exif?: Buffer
  xmp?: Buffer
  /**
   * Extended XMP (JPEG: the part of the packet that did not fit one APP1 segment, XMP spec
   * part 3 §1.1.3.1), already reassembled: read together with `xmp`.
   */
  xmpExtended?: Buffer
  /** Photoshop image resources, with or without the `Photoshop 3.0\0` preamble, or a bare IIM record. */
  iptc?: Buffer
  /** Container text outside EXIF/IPTC/XMP: only fills fields those leave empty (plain-text.ts). */
  plain?: PlainText
}

export interface EmbeddedRead {
  embedded: EmbeddedMetadata
  exif: ExifTags
  warnings: ProbeWarning[]
}

const exifPreamble = Buffer.from('Exif\0\0', 'latin1')
const photoshopPreamble = Buffer.from('Photoshop 3.0\0', 'latin1')

function stripPreamble(buf: Buffer, preamble: Buffer): Buffer {
  return buf.subarray(0, preamble.length).equals(preamble) ? buf.subarray(preamble.length) : buf
}

function failed(block: string): ProbeWarning {
  // The library's own message (often several lines, sometimes a path) is no help to an editor.
  return {
    code: 'metadata-unreadable',
    message: `The ${block} metadata is damaged and could not be read; the other fields still count.`,
  }
}

/**
 * A camera card or an agency folder repeats the same creator, credit, copyright, keywords
 * and places on every file; keeping one copy of each string saves megabytes per 10,000 rows.
 */
const pool = new Map<string, string>()
const poolLimit = 50_000

function intern(value: string): string {
  const known = pool.get(value)
  if (known !== undefined) return known
  if (pool.size >= poolLimit) pool.clear()
  pool.set(value, value)
  return value
}

function shareRepeated(embedded: EmbeddedMetadata): EmbeddedMetadata {
  for (const key of ['creator', 'credit', 'copyright', 'dateTaken'] as const) {
    const value = embedded[key]
    if (value !== undefined) embedded[key] = intern(value)
  }
  if (embedded.keywords) embedded.keywords = embedded.keywords.map(intern)
  if (embedded.more)
    for (const [key, value] of Object.entries(embedded.more))
      embedded.more[key as keyof typeof embedded.more] = intern(value)
  return embedded
}

export async function readEmbedded(blocks: MetadataBlocks): Promise<EmbeddedRead> {
  const warnings: ProbeWarning[] = []
  // Every field present, in one order, from the start: reconcile() then sees one object shape
  // for every file, and V8 keeps its optimized code instead of recompiling it per new shape.
  const sources: MetadataSources = { exif: undefined, iim: undefined, iimEditedWithoutXmp: undefined, xmp: undefined }
  if (blocks.exif) {
    try {
      sources.exif = await readExifTags(stripPreamble(blocks.exif, exifPreamble))
    } catch {
      warnings.push(failed('EXIF'))
    }
  }
  if (blocks.xmp) {
    try {
      const packet = blocks.xmpExtended ? Buffer.concat([blocks.xmp, blocks.xmpExtended]) : blocks.xmp
      sources.xmp = readXmp(packet, xmpNamespaces)
    } catch {
      warnings.push(failed('XMP'))
    }
  }
  if (blocks.iptc) {
    try {
      const raw = stripPreamble(blocks.iptc, photoshopPreamble)
      const block = raw[0] === 0x1c ? { iim: raw, editedWithoutXmp: false } : iptcFromResources(raw)
      if (block) {
        sources.iim = readIim(block.iim)
        sources.iimEditedWithoutXmp = block.editedWithoutXmp
      }
    } catch {
      warnings.push(failed('IPTC'))
    }
  }
  return { embedded: shareRepeated(fillGaps(reconcile(sources), blocks.plain)), exif: sources.exif ?? {}, warnings }
}
