/**
 * The sandboxed preload can `require` only Electron's own modules: anything else throws when the
 * window opens. This checks the real bundle electron-vite wrote (run `npm run build` first).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const bundlePath = join(__dirname, '..', '..', 'out', 'preload', 'index.js')

function requiredModules(source: string): string[] {
  return [...source.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2] ?? '')
}

describe('out/preload/index.js', () => {
  it('requires nothing but electron and stays CommonJS', (ctx) => {
    if (!existsSync(bundlePath)) ctx.skip('out/preload/index.js is missing: run `npm run build` first')
    const source = readFileSync(bundlePath, 'utf8')
    expect(requiredModules(source)).toEqual(['electron'])
    expect(source).not.toMatch(/^\s*(import|export)\s/m)
    expect(source).not.toMatch(/\bimport\(/)
    expect(source).toContain('exposeInMainWorld("mediaImport"')
  })

  it('finds the requires it is meant to forbid', () => {
    expect(requiredModules('const a = require("electron"); const b = require(\'node:fs\')')).toEqual([
      'electron',
      'node:fs',
    ])
  })
})
