/**
 * HEIC pictures (every iPhone photo) decoded without system tools: the libvips that sharp
 * bundles reads HEIF containers but has no HEVC decoder, so the pixels come from libheif
 * compiled to WebAssembly (`libheif-js`, libde265 inside). libheif applies the container's
 * rotation and mirroring (irot/imir) while decoding, which is how the probe reports a HEIF's
 * displayed size (image/image-probe.ts), and the primary image is the one decoded.
 *
 * The wasm module (1.4 MB, ~0.3 s to start) is loaded on the first HEIC that needs a
 * thumbnail, never at startup, and decodes run one at a time: a 12 MP photo needs ~48 MB of
 * RGBA plus libheif's own planes, and the wasm heap keeps its high-water mark.
 */
// The declaration of the untyped package, for every tsconfig that compiles this file (tests too).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient `declare module` cannot be imported
/// <reference path="./libheif-js.d.ts" />
import { readFile, stat } from 'node:fs/promises'
import { Slots } from '../../concurrency/slots'

export interface RgbaImage {
  data: Uint8ClampedArray
  width: number
  height: number
}

/** The part of libheif-js's API used here (its bundled .d.ts only types the raw wasm exports). */
interface HeifImage {
  get_width(): number
  get_height(): number
  is_primary(): boolean
  display(target: RgbaImage, done: (result: RgbaImage | null) => void): void
  free(): void
}
interface LibHeif {
  ready?: Promise<unknown>
  HeifDecoder: new () => { decoder: { delete(): void } | null; decode(bytes: Uint8Array): HeifImage[] }
}

/** Larger pictures are not decoded for a thumbnail: 4 bytes a pixel would not fit comfortably. */
export const maxHeifPixels = 100_000_000
const maxHeifBytes = 256 << 20

let libheif: Promise<LibHeif> | undefined
const oneAtATime = new Slots(1)

async function loadLibheif(): Promise<LibHeif> {
  const module = (await import('libheif-js/wasm-bundle.js')) as { default?: unknown }
  // The `.js` is needed: the package has no "exports" map, and the built main's import() resolves
  // as ESM. CommonJS: module.exports is the default export under ESM interop and the bundle.
  const lib = (module.default ?? module) as LibHeif
  await lib.ready
  return lib
}

/** True once a decode has loaded the wasm module (so a test can see that startup did not). */
export function isHeifDecoderLoaded(): boolean {
  return libheif !== undefined
}

/** The primary image of a HEIF file as upright RGBA, or an editor-readable reason why not. */
export async function decodeHeif(path: string): Promise<RgbaImage | { unavailable: string }> {
  const size = (await stat(path)).size
  if (size > maxHeifBytes) return { unavailable: 'no preview: the HEIC file is too large to decode for a preview' }
  const release = await oneAtATime.acquire()
  try {
    libheif ??= loadLibheif()
    const lib = await libheif
    const decoder = new lib.HeifDecoder()
    const images = decoder.decode(await readFile(path))
    try {
      const image = images.find((candidate) => candidate.is_primary()) ?? images[0]
      if (!image) return { unavailable: 'no preview: the HEIC file holds no picture libheif can read' }
      const width = image.get_width()
      const height = image.get_height()
      if (width * height > maxHeifPixels) {
        return {
          unavailable: `no preview: the HEIC picture (${width} × ${height}) is too large to decode for a preview`,
        }
      }
      const target = { data: new Uint8ClampedArray(width * height * 4), width, height }
      const decoded = await new Promise<RgbaImage | null>((resolve) => image.display(target, resolve))
      return decoded ?? { unavailable: 'no preview: libheif could not decode this HEIC picture' }
    } finally {
      for (const image of images) image.free()
      decoder.decoder?.delete()
    }
  } finally {
    release()
  }
}
