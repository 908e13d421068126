import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { HtmlTagDescriptor, Plugin } from 'vite'

/**
 * The entry chunk's own dynamic imports (src-renderer/main.tsx imports mount.tsx: React and the
 * app) are the first screen, split off only so the first commands leave before they run: the page
 * names them in its head, so the browser fetches them with the entry instead of after it has run.
 */
function preloadEntryImports(): Plugin {
  return {
    name: 'preload-entry-imports',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle, chunk }) => {
        const tags: HtmlTagDescriptor[] = []
        for (const file of chunk?.dynamicImports ?? []) {
          const imported = bundle?.[file]
          if (imported?.type !== 'chunk') continue
          tags.push({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head',
          })
          for (const css of imported.viteMetadata?.importedCss ?? [])
            tags.push({
              tag: 'link',
              attrs: { rel: 'stylesheet', crossorigin: true, href: `./${css}` },
              injectTo: 'head',
            })
        }
        return tags
      },
    },
  }
}

// Layout and traps: ../shared/reference/toolchain.md §2. file-type is ESM-only, so it is bundled
// into the CJS main; mediainfo.js (wasm) and sharp (native) must stay external.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/electron/index.ts') } },
      externalizeDeps: { exclude: ['file-type'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS.
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/preload.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    base: './',
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // The first row waits for the bundle to load and parse (bench:grid): minified, react-dom alone
      // is a third of its development size. Panels not on the first screen are their own chunks
      // (src-renderer/lazy-panel.tsx).
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
    plugins: [react(), preloadEntryImports()],
  },
})
