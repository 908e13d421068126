/**
 * A PDF's document metadata (ISO 32000-1 §14.3): the Info dictionary (Title, Subject, Author,
 * Keywords) and the catalog's XMP Metadata stream. Objects are found through the cross-reference
 * data from the end of the file (tables and streams, §7.5.4 and §7.5.8, following /Prev so
 * incremental updates such as exiftool's are read newest first), including objects kept in
 * object streams (§7.5.7). Reads only the bytes those objects occupy.
 */
import { inflateSync } from 'node:zlib'
import type { ReadAt } from '../../video/bmff-boxes'
import type { PlainText } from '../plain-text'
import { splitKeywords } from '../plain-text'
import { nameOf, numberOf, PdfParser, pdfText, refOf, type PdfValue } from './pdf-syntax'

export interface PdfMetadata {
  xmp?: Buffer
  plain: PlainText
}

type Entry = { offset: number } | { stream: number; index: number }
type Dict = Map<string, PdfValue>

const maxStream = 32 << 20
const maxSections = 64

function decode(data: Buffer, dict: Dict): Buffer {
  const filter = dict.get('Filter')
  const filters = (Array.isArray(filter) ? filter : [filter]).map(nameOf).filter((f) => f !== undefined)
  let out = data
  for (const f of filters) {
    if (f !== 'FlateDecode') throw new Error(`unsupported filter ${f}`)
    out = inflateSync(out, { maxOutputLength: maxStream })
  }
  const parms = dict.get('DecodeParms')
  const predictor = parms instanceof Map ? (numberOf(parms.get('Predictor')) ?? 1) : 1
  if (predictor >= 10 && parms instanceof Map) out = unpredict(out, numberOf(parms.get('Columns')) ?? 1)
  return out
}

/** PNG predictors (§7.4.4.4): cross-reference streams use Up; None and Sub are handled too. */
function unpredict(data: Buffer, columns: number): Buffer {
  const rows = Math.floor(data.length / (columns + 1))
  const out = Buffer.alloc(rows * columns)
  for (let r = 0; r < rows; r++) {
    const filter = data[r * (columns + 1)]
    for (let c = 0; c < columns; c++) {
      const raw = data[r * (columns + 1) + 1 + c] as number
      const up = r > 0 ? (out[(r - 1) * columns + c] as number) : 0
      const left = c > 0 ? (out[r * columns + c - 1] as number) : 0
      out[r * columns + c] = (raw + (filter === 2 ? up : filter === 1 ? left : 0)) & 0xff
    }
  }
  return out
}

class PdfFile {
  readonly entries = new Map<number, Entry>()
  trailer: Dict = new Map()
  private readonly streams = new Map<number, { first: number; offsets: number[]; data: Buffer }>()

  constructor(
    private readonly readAt: ReadAt,
    private readonly size: number,
  ) {}

  /** The object's value at a file offset: its dictionary (and stream data) or plain value. */
  async objectAt(offset: number): Promise<{ value: PdfValue; stream?: Buffer }> {
    const head = await this.readAt(offset, 64 * 1024)
    const p = new PdfParser(head)
    p.value() // object number
    p.value() // generation
    if (p.peekToken() !== 'obj') throw new Error('no object at the offset the index gives')
    p.skipSpace()
    p.at += 3
    const value = p.value()
    if (!(value instanceof Map) || p.peekToken() !== 'stream') return { value }
    p.skipSpace()
    p.at += 6
    if (head[p.at] === 13) p.at++
    if (head[p.at] === 10) p.at++
    let length = numberOf(value.get('Length'))
    const lengthRef = refOf(value.get('Length'))
    if (length === undefined && lengthRef) length = numberOf(await this.resolve(lengthRef[0]))
    if (length === undefined || length > maxStream) throw new Error('stream without a usable length')
    const start = offset + p.at
    const raw =
      start + length <= offset + head.length ? head.subarray(p.at, p.at + length) : await this.readAt(start, length)
    return { value, stream: raw }
  }

  async resolve(object: number): Promise<PdfValue> {
    return (await this.object(object))?.value ?? null
  }

  async object(object: number): Promise<{ value: PdfValue; stream?: Buffer } | undefined> {
    const entry = this.entries.get(object)
    if (!entry) return undefined
    if ('offset' in entry) return this.objectAt(entry.offset)
    let container = this.streams.get(entry.stream)
    if (!container) {
      const found = await this.object(entry.stream)
      if (!found?.stream || !(found.value instanceof Map)) return undefined
      const data = decode(found.stream, found.value)
      const n = numberOf(found.value.get('N')) ?? 0
      const p = new PdfParser(data)
      const offsets: number[] = []
      for (let i = 0; i < n; i++) {
        p.value()
        offsets.push(numberOf(p.value()) ?? 0)
      }
      container = { first: numberOf(found.value.get('First')) ?? 0, offsets, data }
      this.streams.set(entry.stream, container)
    }
    const at = container.offsets[entry.index]
    if (at === undefined) return undefined
    return { value: new PdfParser(container.data, container.first + at).value() }
  }

  private add(object: number, entry: Entry): void {
    if (!this.entries.has(object)) this.entries.set(object, entry) // newer sections come first
  }

  /** Reads the cross-reference section at `offset` and the older ones it points to. */
  async readIndex(offset: number): Promise<void> {
    const seen = new Set<number>()
    let at: number | undefined = offset
    while (at !== undefined && at < this.size && !seen.has(at) && seen.size < maxSections) {
      seen.add(at)
      const dict: Dict = await this.section(at)
      for (const [key, value] of dict) if (!this.trailer.has(key)) this.trailer.set(key, value)
      at = numberOf(dict.get('Prev'))
      const hybrid = numberOf(dict.get('XRefStm'))
      if (hybrid !== undefined && !seen.has(hybrid)) await this.section(hybrid).catch(() => undefined)
    }
  }

  private async section(offset: number): Promise<Dict> {
    const head = await this.readAt(offset, 4)
    if (head.toString('latin1') === 'xref') return this.table(offset)
    const { value, stream } = await this.objectAt(offset)
    if (!(value instanceof Map) || !stream) throw new Error('no cross-reference data where startxref points')
    const data = decode(stream, value)
    const widths = (value.get('W') as PdfValue[] | undefined)?.map((w) => numberOf(w) ?? 0) ?? []
    const index = ((value.get('Index') as PdfValue[] | undefined) ?? [0, numberOf(value.get('Size')) ?? 0]).map(
      (v) => numberOf(v) ?? 0,
    )
    const rowBytes = widths.reduce((a, b) => a + b, 0)
    const field = (row: number, i: number): number => {
      let start = row * rowBytes
      for (let k = 0; k < i; k++) start += widths[k] as number
      const width = widths[i] as number
      if (width === 0) return i === 0 ? 1 : 0
      let v = 0
      for (let k = 0; k < width; k++) v = v * 256 + (data[start + k] as number)
      return v
    }
    let row = 0
    for (let s = 0; s + 1 < index.length; s += 2) {
      for (let k = 0; k < (index[s + 1] as number) && (row + 1) * rowBytes <= data.length; k++, row++) {
        const type = field(row, 0)
        const object = (index[s] as number) + k
        if (type === 1) this.add(object, { offset: field(row, 1) })
        else if (type === 2) this.add(object, { stream: field(row, 1), index: field(row, 2) })
        else this.add(object, { offset: -1 })
      }
    }
    return value
  }

  private async table(offset: number): Promise<Dict> {
    let chunk = await this.readAt(offset, 64 * 1024)
    let trailerAt = chunk.indexOf('trailer')
    if (trailerAt < 0) {
      chunk = await this.readAt(offset, Math.min(this.size - offset, 16 << 20))
      trailerAt = chunk.indexOf('trailer')
      if (trailerAt < 0) throw new Error('cross-reference table without a trailer')
    }
    const lines = chunk.toString('latin1', 4, trailerAt).split(/\r\n|\r|\n/)
    let object = 0
    for (const line of lines) {
      const parts = line.trim().split(/\s+/)
      if (parts.length === 2) object = Number(parts[0])
      else if (parts.length === 3) {
        if (parts[2] === 'n') this.add(object, { offset: Number(parts[0]) })
        else this.add(object, { offset: -1 })
        object++
      }
    }
    const p = new PdfParser(chunk, trailerAt + 7)
    p.skipSpace()
    return p.dictionary()
  }
}

async function startXref(readAt: ReadAt, size: number): Promise<number | undefined> {
  const from = Math.max(0, size - 4096)
  const tail = (await readAt(from, size - from)).toString('latin1')
  // The last one: incremental updates append a new index after the old %%EOF.
  const m = [...tail.matchAll(/startxref\s+(\d+)/g)].at(-1)
  return m ? Number(m[1]) : undefined
}

/** Title, subject, author and keywords, and the XMP packet; throws when the file's index is unusable. */
export async function readPdfMetadata(readAt: ReadAt, size: number): Promise<PdfMetadata> {
  const out: PdfMetadata = { plain: {} }
  const xref = await startXref(readAt, size)
  if (xref === undefined) throw new Error('no startxref')
  const pdf = new PdfFile(readAt, size)
  await pdf.readIndex(xref)
  const infoRef = refOf(pdf.trailer.get('Info'))
  const info = infoRef && (await pdf.resolve(infoRef[0]))
  if (info instanceof Map) {
    out.plain.title = pdfText(info.get('Title'))
    out.plain.description = pdfText(info.get('Subject'))
    out.plain.creator = pdfText(info.get('Author'))
    out.plain.keywords = splitKeywords(pdfText(info.get('Keywords')))
  }
  const rootRef = refOf(pdf.trailer.get('Root'))
  const root = rootRef && (await pdf.resolve(rootRef[0]))
  const metadataRef = root instanceof Map ? refOf(root.get('Metadata')) : undefined
  const metadata = metadataRef && (await pdf.object(metadataRef[0]))
  if (metadata?.stream && metadata.value instanceof Map) out.xmp = decode(metadata.stream, metadata.value)
  return out
}
