/**
 * Multipart sizing. Pure. S3's limits, with the reason each one exists:
 * - a part is at least 5 MiB except the last (S3 rejects smaller ones at Complete: EntityTooSmall);
 * - at most 10,000 parts per upload, so the part size must grow with the file;
 * - a part is at most 5 GiB, an object at most 5 TiB.
 */
const MiB = 1024 * 1024
export const S3_MIN_PART_SIZE = 5 * MiB
export const S3_MAX_PART_SIZE = 5 * 1024 * MiB
export const S3_MAX_PARTS = 10_000
export const S3_MAX_OBJECT_SIZE = 5 * 1024 * 1024 * MiB

export interface PartRange {
  partNumber: number
  /** Byte offsets in the file, `end` exclusive. */
  start: number
  end: number
}

/**
 * Smallest part size >= minPartSize (rounded up to whole MiB) that keeps the count <= 10,000.
 * No default here: the engine's DEFAULT_MIN_PART_SIZE (engine-options.ts) or the profile's
 * `storage.multipart.partSizeMiB` decides, so there is one place that says 16 MiB.
 */
export function choosePartSize(fileSize: number, minPartSize: number): number {
  if (fileSize > S3_MAX_OBJECT_SIZE) throw new RangeError(`File of ${fileSize} bytes exceeds S3's 5 TiB object limit.`)
  const floor = Math.max(minPartSize, S3_MIN_PART_SIZE)
  const needed = Math.ceil(fileSize / S3_MAX_PARTS)
  const size = Math.max(floor, Math.ceil(needed / MiB) * MiB)
  return Math.min(size, S3_MAX_PART_SIZE)
}

export function planParts(fileSize: number, partSize: number): PartRange[] {
  if (partSize <= 0) throw new RangeError('Part size must be positive.')
  const count = Math.max(1, Math.ceil(fileSize / partSize))
  if (count > S3_MAX_PARTS) throw new RangeError(`${count} parts exceed S3's limit of ${S3_MAX_PARTS}.`)
  const parts: PartRange[] = []
  for (let i = 0; i < count; i++) {
    parts.push({ partNumber: i + 1, start: i * partSize, end: Math.min(fileSize, (i + 1) * partSize) })
  }
  return parts
}

export function usesMultipart(fileSize: number, threshold: number): boolean {
  return fileSize >= threshold
}
