/**
 * Duration of an MPEG transport stream (.ts, .mts, .m2ts; ISO/IEC 13818-1 §2.4.3): the span
 * between the first and the last presentation time stamp of the video stream, read from the
 * first and the last 256 KB, as exiftool computes it. MediaInfo's figure for short or cut
 * streams is an estimate from the bit rate, off by a second and more.
 */
import type { ReadAt } from './bmff-boxes'

const window = 256 * 1024

/** The packet size (188, or 192 with the M2TS time code) and the offset of the first sync byte. */
function layout(buf: Buffer): { size: number; first: number } | undefined {
  for (const size of [188, 192]) {
    for (let first = 0; first < size && first < buf.length; first++) {
      let ok = true
      for (let k = 0; k < 5 && ok; k++) ok = buf[first + k * size] === 0x47
      if (ok) return { size, first }
    }
  }
  return undefined
}

/** Video PTS values (90 kHz) of the PES packets starting in `buf`, in order. */
function timestamps(buf: Buffer): number[] {
  const l = layout(buf)
  if (!l) return []
  const out: number[] = []
  for (let at = l.first; at + 188 <= buf.length; at += l.size) {
    if (buf[at] !== 0x47 || !((buf[at + 1] as number) & 0x40)) continue
    const control = ((buf[at + 3] as number) >> 4) & 3
    let payload = at + 4
    if (control === 2 || control === 3) payload += 1 + (buf[at + 4] as number)
    if (control === 0 || control === 2 || payload + 14 > at + 188) continue
    if (buf[payload] !== 0 || buf[payload + 1] !== 0 || buf[payload + 2] !== 1) continue
    const streamId = buf[payload + 3] as number
    if (streamId < 0xe0 || streamId > 0xef || !((buf[payload + 7] as number) & 0x80)) continue
    const p = payload + 9
    const pts =
      (((buf[p] as number) >> 1) & 7) * 2 ** 30 +
      ((buf[p + 1] as number) << 22) +
      (((buf[p + 2] as number) >> 1) << 15) +
      ((buf[p + 3] as number) << 7) +
      ((buf[p + 4] as number) >> 1)
    out.push(pts)
  }
  return out
}

export async function transportStreamDuration(readAt: ReadAt, size: number): Promise<number | undefined> {
  const head = timestamps(await readAt(0, Math.min(size, window)))
  // Start the tail on a packet boundary as the head sees them, so the layout repeats.
  const tailStart = Math.max(0, size - window)
  const tail = timestamps(await readAt(tailStart, size - tailStart))
  if (head.length === 0 || tail.length === 0) return undefined
  const first = Math.min(...head)
  const last = Math.max(...tail)
  // PTS wrap around (33 bits) is ignored: a clip that crosses it is rare and gets MediaInfo's figure.
  return last > first ? (last - first) / 90_000 : undefined
}
