// libheif-js 1.23.2 types only the raw wasm exports; heif-decode.ts declares the part it uses.
declare module 'libheif-js/wasm-bundle.js' {
  const libheif: unknown
  export default libheif
}
