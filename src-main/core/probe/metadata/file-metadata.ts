/**
 * Embedded metadata of files that become file entries (PSD, PDF, camera RAW that cannot be
 * shown, TIFF read as a file…): the same title, description, credit, copyright and keywords as
 * for images, so the prefill works for them too.
 */
import type { ReadResult } from '../read-and-hash'
import type { EmbeddedMetadata, ProbeWarning } from '../../model/probe-facts'
import { containerBlocks, hasContainerReader } from './container-blocks'
import { readEmbedded } from './embedded'

export async function fileMetadata(
  path: string,
  mime: string,
  read: ReadResult,
): Promise<{ embedded?: EmbeddedMetadata; warnings: ProbeWarning[] }> {
  if (!hasContainerReader(mime)) return { warnings: [] }
  const own = await containerBlocks(path, mime, read)
  // TIFF-based formats are themselves an EXIF structure.
  const tiff = read.head.length >= 4 && /^(II\*\0|MM\0\*)$/.test(read.head.toString('latin1', 0, 4))
  const exif = own.blocks.exif ?? (tiff ? read.head : undefined)
  const { embedded, warnings } = await readEmbedded({ ...own.blocks, exif })
  if (own.unreadable) warnings.push({ code: 'metadata-unreadable', message: own.unreadable })
  return { embedded: Object.keys(embedded).length > 0 ? embedded : undefined, warnings }
}
