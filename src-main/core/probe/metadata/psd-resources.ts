/**
 * A Photoshop document's metadata (Adobe Photoshop File Format Specification, "File Header" and
 * "Image Resources" sections): the 26-byte header, the colour mode data, then the image resource
 * blocks holding IPTC-IIM (0x0404, with its MWG digest 0x0425), XMP (0x0424) and EXIF (0x0422).
 */
import { IRB_IPTC, readImageResources } from './photoshop-irb'

export interface PsdMetadata {
  width: number
  height: number
  /** The whole image resource section: embedded.ts finds the IIM and its digest there. */
  resources?: Buffer
  xmp?: Buffer
  exif?: Buffer
}

const IRB_XMP = 0x0424
const IRB_EXIF = 0x0422

/** `head` must reach past the image resources (they come right after the small header). */
export function readPsdMetadata(head: Buffer): PsdMetadata | undefined {
  if (head.length < 30 || head.toString('latin1', 0, 4) !== '8BPS') return undefined
  const out: PsdMetadata = { height: head.readUInt32BE(14), width: head.readUInt32BE(18) }
  const colorModeLength = head.readUInt32BE(26)
  const resourcesAt = 30 + colorModeLength
  if (resourcesAt + 4 > head.length) return out
  const length = head.readUInt32BE(resourcesAt)
  const section = head.subarray(resourcesAt + 4, resourcesAt + 4 + length)
  const resources = readImageResources(section)
  if (resources.has(IRB_IPTC)) out.resources = section
  out.xmp = resources.get(IRB_XMP)
  out.exif = resources.get(IRB_EXIF)
  return out
}

/** How many bytes from the start hold the header and the image resources. */
export function psdMetadataEnd(head: Buffer): number | undefined {
  if (head.length < 30 || head.toString('latin1', 0, 4) !== '8BPS') return undefined
  const resourcesAt = 30 + head.readUInt32BE(26)
  if (resourcesAt + 4 > head.length) return resourcesAt + 4
  return resourcesAt + 4 + head.readUInt32BE(resourcesAt)
}
