/**
 * Photoshop image resource blocks (the APP13 payload): `8BIM`, id, padded Pascal name, size,
 * data padded to even length. We need two: 0x0404 (the IPTC-IIM record) and 0x0425 (the MD5
 * digest of that record as the last MWG-aware writer left it).
 */
import { createHash } from 'node:crypto'

export const IRB_IPTC = 0x0404
export const IRB_IPTC_DIGEST = 0x0425

export function readImageResources(irb: Buffer): Map<number, Buffer> {
  const out = new Map<number, Buffer>()
  let offset = 0
  while (offset + 12 <= irb.length) {
    const signature = irb.toString('latin1', offset, offset + 4)
    if (signature !== '8BIM' && signature !== 'PHUT' && signature !== 'AgHg' && signature !== 'DCSR') break
    const id = irb.readUInt16BE(offset + 4)
    const nameLength = irb[offset + 6] as number
    const nameField = (nameLength + 1) % 2 === 0 ? nameLength + 1 : nameLength + 2
    const sizeAt = offset + 6 + nameField
    if (sizeAt + 4 > irb.length) break
    const size = irb.readUInt32BE(sizeAt)
    const dataAt = sizeAt + 4
    if (dataAt + size > irb.length) break
    if (!out.has(id)) out.set(id, irb.subarray(dataAt, dataAt + size))
    offset = dataAt + size + (size % 2)
  }
  return out
}

export interface IptcBlock {
  iim: Buffer
  /**
   * MWG: true when a digest is stored and differs from the IIM now in the file, meaning a
   * program that ignores XMP edited the IIM last, so the IIM values are the newer ones.
   */
  editedWithoutXmp: boolean
}

export function iptcFromResources(irb: Buffer): IptcBlock | undefined {
  const resources = readImageResources(irb)
  const iim = resources.get(IRB_IPTC)
  if (!iim || iim.length === 0) return undefined
  const stored = resources.get(IRB_IPTC_DIGEST)
  if (!stored || stored.length !== 16) return { iim, editedWithoutXmp: false }
  const current = createHash('md5').update(iim).digest()
  return { iim, editedWithoutXmp: !current.equals(stored) }
}
