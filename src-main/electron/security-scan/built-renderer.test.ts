/**
 * The renderer as built (out/renderer, from `npm run build`): the CSP forbids inline script, so the
 * build must not contain any (a bundler plugin adding one would break the window, or tempt someone
 * to loosen the CSP); it carries our CSP, and it loads nothing remote.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../security-policy'

const rendererDir = join(__dirname, '..', '..', '..', 'out', 'renderer')
const indexPath = join(rendererDir, 'index.html')

describe.skipIf(!existsSync(indexPath))('out/renderer (run `npm run build` first)', () => {
  const html = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : ''

  it('has no inline script and no inline event handler', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributes = '', body = ''] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.?\/assets\/[^"]+\.js"/)
      expect(body.trim()).toBe('')
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i)
    expect(html).not.toMatch(/javascript:/i)
  })

  it('carries exactly our CSP', () => {
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)]
    expect(metas.map((m) => m[1])).toEqual([CONTENT_SECURITY_POLICY])
  })

  it('references nothing remote, in the page or its assets', () => {
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//i)
    for (const name of readdirSync(join(rendererDir, 'assets')).filter((n) => n.endsWith('.css'))) {
      const css = readFileSync(join(rendererDir, 'assets', name), 'utf8')
      expect(css, name).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i)
      expect(css, name).not.toMatch(/@import/i)
    }
  })
})
