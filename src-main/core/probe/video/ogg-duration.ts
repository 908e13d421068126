/**
 * Duration of an Ogg file (RFC 3533), which MediaInfo leaves out for Theora: the granule
 * position of the last page of each stream, converted with the rate its first header gives
 * (Theora spec §6.2: frame rate and keyframe shift; Vorbis I §4.2.2: sample rate; Opus RFC 7845
 * §4: 48 kHz less the pre-skip). Reads the first and the last 64 KB; the last also tells
 * whether the file was cut.
 */
import type { ReadAt } from './bmff-boxes'

interface Stream {
  /** Granule position to seconds. */
  seconds: (granule: bigint) => number
}

const window = 64 * 1024

interface Page {
  at: number
  serial: number
  granule: bigint
  body: Buffer
  /** Header type bit 2 (RFC 3533 §6): the last page of its stream. */
  last: boolean
  /** Where the page ends by its segment table; past the buffer when the bytes stop inside it. */
  end: number
}

function* pages(buf: Buffer): Generator<Page> {
  let at = buf.indexOf('OggS')
  while (at >= 0 && at + 27 <= buf.length) {
    const segments = buf[at + 26] as number
    const table = buf.subarray(at + 27, at + 27 + segments)
    const bodyLength = table.reduce((a, b) => a + b, 0)
    const bodyAt = at + 27 + segments
    yield {
      at,
      serial: buf.readUInt32LE(at + 14),
      granule: buf.readBigInt64LE(at + 6),
      body: buf.subarray(bodyAt, bodyAt + bodyLength),
      last: ((buf[at + 5] as number) & 4) !== 0,
      end: bodyAt + bodyLength,
    }
    at = buf.indexOf('OggS', at + 4)
  }
}

function streamOf(body: Buffer): Stream | undefined {
  if (body.length >= 42 && body.toString('latin1', 1, 7) === 'theora' && body[0] === 0x80) {
    const numerator = body.readUInt32BE(22)
    const denominator = body.readUInt32BE(26)
    const shift = ((body.readUInt16BE(40) >> 5) & 0x1f) as number
    if (!numerator || !denominator) return undefined
    return {
      seconds: (g) => {
        const frames = Number(g >> BigInt(shift)) + Number(g & ((1n << BigInt(shift)) - 1n))
        return (frames * denominator) / numerator
      },
    }
  }
  if (body.length >= 16 && body[0] === 1 && body.toString('latin1', 1, 7) === 'vorbis') {
    const rate = body.readUInt32LE(12)
    return rate ? { seconds: (g) => Number(g) / rate } : undefined
  }
  if (body.length >= 19 && body.toString('latin1', 0, 8) === 'OpusHead') {
    const preSkip = body.readUInt16LE(10)
    return { seconds: (g) => (Number(g) - preSkip) / 48_000 }
  }
  return undefined
}

export async function oggDuration(readAt: ReadAt, size: number): Promise<number | undefined> {
  const streams = new Map<number, Stream>()
  for (const page of pages(await readAt(0, Math.min(size, window)))) {
    if (streams.has(page.serial)) continue
    const stream = streamOf(page.body)
    if (stream) streams.set(page.serial, stream)
  }
  const last = new Map<number, bigint>()
  for (const page of pages(await readAt(Math.max(0, size - window), Math.min(size, window))))
    if (page.granule >= 0n) last.set(page.serial, page.granule)
  let duration: number | undefined
  for (const [serial, granule] of last) {
    const seconds = streams.get(serial)?.seconds(granule)
    if (seconds !== undefined && seconds > 0 && (duration === undefined || seconds > duration)) duration = seconds
  }
  return duration
}

/**
 * Ogg states no length, but every stream ends with a page marked last (RFC 3533 §4): a file
 * whose final page is not so marked, or stops inside it, was cut (an interrupted copy).
 */
export async function oggCut(readAt: ReadAt, size: number): Promise<string | undefined> {
  const tail = await readAt(Math.max(0, size - window), Math.min(size, window))
  let final: Page | undefined
  for (const page of pages(tail)) final = page
  if (!final) return undefined
  if (final.end > tail.length) return `the file stops after ${size} bytes, inside a page of its stream`
  return final.last ? undefined : `the file stops after ${size} bytes, before the end of its stream`
}
