/**
 * Camera RAW formats that are not TIFF inside and that file-type does not know, by their
 * signatures as ExifTool checks them (CanonRaw.pm, MinoltaRaw.pm, SigmaRaw.pm), named with
 * ExifTool's MIME types. The Media Library cannot show them: they go up as files.
 */

export function sniffRaw(head: Buffer): { mime: string; ext: string } | undefined {
  if (head.length >= 14 && head.toString('latin1', 0, 2) === 'II' && head.toString('latin1', 6, 14) === 'HEAPCCDR')
    return { mime: 'image/x-canon-crw', ext: 'crw' }
  if (head.length >= 8 && head.toString('latin1', 0, 4) === '\0MRM') return { mime: 'image/x-minolta-mrw', ext: 'mrw' }
  if (head.length >= 8 && head.toString('latin1', 0, 4) === 'FOVb') return { mime: 'image/x-sigma-x3f', ext: 'x3f' }
  return undefined
}
