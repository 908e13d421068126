/**
 * Which detected MIME types become which kind of Media Library entry, and which file
 * extensions fit each type (first = the one used for upload keys).
 */
import type { MediaKind } from '../../model/row'

const images: Record<string, string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/apng': ['png', 'apng'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/avif': ['avif'],
  'image/heic': ['heic', 'heif', 'hif'],
  'image/heif': ['heif', 'heic', 'hif'],
  'image/heic-sequence': ['heics', 'heic'],
  'image/heif-sequence': ['heifs', 'heif'],
  'image/tiff': ['tif', 'tiff'],
  'image/svg+xml': ['svg'],
  'image/bmp': ['bmp', 'dib'],
}

/** Camera RAW: images when their size can be read, files otherwise. */
const raws: Record<string, string[]> = {
  'image/x-canon-cr2': ['cr2'],
  'image/x-canon-cr3': ['cr3'],
  'image/x-nikon-nef': ['nef'],
  'image/x-nikon-nrw': ['nrw'],
  'image/x-sony-arw': ['arw'],
  'image/x-sony-srf': ['srf'],
  'image/x-sony-sr2': ['sr2'],
  'image/x-kodak-dcr': ['dcr'],
  'image/x-kodak-kdc': ['kdc'],
  'image/x-epson-erf': ['erf'],
  'image/x-mamiya-mef': ['mef'],
  'image/x-adobe-dng': ['dng'],
  'image/x-olympus-orf': ['orf'],
  'image/x-panasonic-rw2': ['rw2'],
  'image/x-fujifilm-raf': ['raf'],
  'image/x-pentax-pef': ['pef'],
  'image/x-samsung-srw': ['srw'],
  'image/x-hasselblad-3fr': ['3fr'],
  'image/x-leica-rwl': ['rwl'],
}

/** TIFF-based RAW formats that byte sniffing alone reports as plain TIFF. */
const tiffBasedRaw: Record<string, string> = {
  nef: 'image/x-nikon-nef',
  nrw: 'image/x-nikon-nrw',
  arw: 'image/x-sony-arw',
  srf: 'image/x-sony-srf',
  sr2: 'image/x-sony-sr2',
  dcr: 'image/x-kodak-dcr',
  kdc: 'image/x-kodak-kdc',
  erf: 'image/x-epson-erf',
  mef: 'image/x-mamiya-mef',
  dng: 'image/x-adobe-dng',
  orf: 'image/x-olympus-orf',
  pef: 'image/x-pentax-pef',
  srw: 'image/x-samsung-srw',
  '3fr': 'image/x-hasselblad-3fr',
  rwl: 'image/x-leica-rwl',
  cr2: 'image/x-canon-cr2',
}

const videos: Record<string, string[]> = {
  'video/mp4': ['mp4', 'm4v', 'mp4v'],
  'video/x-m4v': ['m4v', 'mp4'],
  'video/quicktime': ['mov', 'qt'],
  'video/webm': ['webm'],
  'video/matroska': ['mkv', 'mk3d'],
  'video/vnd.avi': ['avi'],
  'video/3gpp': ['3gp', '3gpp'],
  'video/3gpp2': ['3g2', '3gp2'],
  'video/mp2t': ['mts', 'm2ts', 'ts', 'mt2s'],
  'video/mpeg': ['mpg', 'mpeg', 'm2v', 'vob', 'mod', 'tod'],
  'video/MP1S': ['mpg', 'mpeg'],
  'video/MP2P': ['mpg', 'mpeg', 'vob', 'mod', 'tod'],
  'video/x-flv': ['flv'],
  'video/ogg': ['ogv', 'ogg'],
  'video/x-ms-asf': ['wmv', 'asf'],
  'application/vnd.ms-asf': ['wmv', 'asf'],
  'application/mxf': ['mxf'],
}

export const isRawMime = (mime: string): boolean => mime in raws

export function kindOfMime(mime: string): MediaKind {
  if (mime in images || mime in raws) return 'image'
  if (mime in videos) return 'video'
  return 'file'
}

/** Image types the Media Library cannot show (PSD, ICO, JPEG 2000…) go up as files. */
export const isUnsupportedImage = (mime: string): boolean => mime.startsWith('image/') && kindOfMime(mime) === 'file'

export function extensionsOf(mime: string, sniffedExtension?: string): string[] {
  return images[mime] ?? raws[mime] ?? videos[mime] ?? (sniffedExtension ? [sniffedExtension] : [])
}

/** A TIFF whose name says NEF, ARW, DNG…: byte sniffing cannot tell these apart from TIFF. */
export function rawMimeFromTiffExtension(extension: string): string | undefined {
  return tiffBasedRaw[extension.toLowerCase()]
}
