/**
 * Cheap end-of-file checks that catch the common damage, an interrupted copy, without
 * decoding a pixel: each format says where it ends, and we compare with what is there.
 */
import type { ReadResult } from '../read-and-hash'

type Ending = Pick<ReadResult, 'head' | 'tail' | 'size' | 'lastEoi'>

const iend = Buffer.from('IEND', 'latin1')

/** Why the image is cut short, or undefined when it ends where it should. */
export function truncation(mime: string, read: Ending, jpegScanOffset?: number): string | undefined {
  switch (mime) {
    case 'image/jpeg':
      if (jpegScanOffset !== undefined && read.lastEoi < jpegScanOffset) {
        return `the image data stops after ${read.size} bytes without its end marker`
      }
      return undefined
    case 'image/png':
    case 'image/apng':
      return read.tail.includes(iend)
        ? undefined
        : `the file stops after ${read.size} bytes, before the PNG end chunk (IEND)`
    case 'image/gif': {
      let end = read.tail.length - 1
      while (end >= 0 && read.tail[end] === 0) end--
      return read.tail[end] === 0x3b ? undefined : `the file stops after ${read.size} bytes, before the GIF trailer`
    }
    case 'image/webp': {
      if (read.head.length < 12) return `the file is only ${read.size} bytes long`
      const declared = read.head.readUInt32LE(4) + 8
      return declared > read.size
        ? `the WebP header declares ${declared} bytes but the file has ${read.size}`
        : undefined
    }
    case 'image/bmp': {
      if (read.head.length < 6) return `the file is only ${read.size} bytes long`
      const declared = read.head.readUInt32LE(2)
      return declared > read.size
        ? `the BMP header declares ${declared} bytes but the file has ${read.size}`
        : undefined
    }
    case 'image/svg+xml':
      return svgEnds(read) ? undefined : 'the SVG text stops before its closing </svg> tag'
    default:
      return undefined
  }
}

/**
 * An SVG ends with `</svg>`, or, when the root element is empty, with its own `/>`: then the
 * whole document is that one tag (after the prolog), and it is in the head.
 */
function svgEnds(read: Ending): boolean {
  const tail = read.tail.toString('utf8')
  if (/<\/([\w.-]+:)?svg>\s*$/i.test(tail)) return true
  if (!/\/>\s*$/.test(tail) || read.head.length < read.size) return false
  const text = read.head.toString('utf8')
  const root = /<([\w.-]+:)?svg[\s/>]/i.exec(text)
  if (!root) return false
  const rest = text.slice(root.index)
  // The root tag closes itself and nothing but whitespace or comments follow it.
  return /^<([\w.-]+:)?svg(\s+[^>]*?)?\/>(\s|<!--[\s\S]*?-->)*$/i.test(rest)
}
