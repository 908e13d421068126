/**
 * Whether a movie's picture data is there at all. A copy into a file whose space was reserved
 * first (some copy tools, cloud drives' placeholders, a card's recovered clusters) can leave
 * the index whole and the frames as zero bytes: every player then shows nothing. No coded
 * frame of the codecs cameras use starts with eight zero bytes (an H.264/H.265 sample starts
 * with a NAL length, MPEG-4 Part 2 and H.263 with a start code whose third byte is not 0,
 * ProRes with its size and 'icpf'), so looking at the first bytes of the first and the last
 * chunk tells, in two tiny reads.
 */
import type { ReadAt } from './bmff-boxes'
import type { Box } from './iso-boxes'

const probeBytes = 8
/** Codecs (as iso-movie names them) whose frames never start so; uncompressed video may (black RGB). */
const compressed = new Set(['h264', 'hevc', 'mpeg4', 'h263', 'av1', 'vp8', 'vp9', 'mjpeg', 'prores'])

/** The problem in words, or undefined when both places hold data (or the codec is not one of those). */
export async function blankFrames(
  readAt: ReadAt,
  offsets: number[],
  codec: string | undefined,
): Promise<string | undefined> {
  if (!codec || !compressed.has(codec)) return undefined
  for (const offset of offsets) {
    const bytes = await readAt(offset, probeBytes)
    if (bytes.length === probeBytes && bytes.every((b) => b === 0))
      return `its picture data at byte ${offset} is blank (only zero bytes), as a copy that did not finish leaves it`
  }
  return undefined
}

/**
 * Where a track's last sample starts: the last chunk's offset plus the sizes of the samples
 * before it in that chunk (§8.7.3 `stsz`, §8.7.4 `stsc`, whose last entry runs to the end).
 */
export function lastSampleOffset(buf: Buffer, stsz: Box, stsc: Box, lastChunk: number): number | undefined {
  const entries = stsc.start + 8 <= stsc.end ? buf.readUInt32BE(stsc.start + 4) : 0
  if (entries === 0 || stsc.start + 8 + entries * 12 > stsc.end) return undefined
  const perChunk = buf.readUInt32BE(stsc.start + 8 + (entries - 1) * 12 + 4)
  const fixed = buf.readUInt32BE(stsz.start + 4)
  const count = buf.readUInt32BE(stsz.start + 8)
  if (perChunk < 1 || perChunk > count) return undefined
  if (fixed > 0) return lastChunk + fixed * (perChunk - 1)
  if (stsz.start + 12 + count * 4 > stsz.end) return undefined
  let at = lastChunk
  for (let i = count - perChunk; i < count - 1; i++) at += buf.readUInt32BE(stsz.start + 12 + i * 4)
  return at
}
