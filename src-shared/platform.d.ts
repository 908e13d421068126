/**
 * The few web-platform globals src-shared uses that the ES library does not declare. Browsers and
 * Node both implement them (WHATWG URL, Encoding), so the code runs on both sides; declaring only
 * this subset keeps `tsconfig.shared.json` free of DOM and Node types, so a DOM-only or Node-only
 * API used here fails to compile. Only that tsconfig reads this file: the renderer's (DOM) and
 * main's (Node) declare the full versions.
 */

interface URL {
  readonly href: string
  readonly origin: string
  readonly protocol: string
  readonly host: string
  readonly hostname: string
  readonly pathname: string
}
declare const URL: { prototype: URL; new (url: string, base?: string): URL }

interface TextDecoder {
  decode(input?: Uint8Array): string
}
declare const TextDecoder: {
  prototype: TextDecoder
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder
}
