/**
 * @doyensec/electronegativity over the build output (`out/`, written by `npm run build`, which
 * `npm test` runs first): every finding must be triaged in allowlist.ts with its reason, and no
 * file may fail to parse. A canary app with known mistakes is scanned too, so a tool that silently
 * stopped finding things cannot pass this test.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { devDependencies } from '../../../package.json'
import { triagedFindings } from './allowlist'
import { describeFinding, triage, type Finding } from './triage'

const outDir = join(__dirname, '..', '..', '..', 'out')
const runner = join(__dirname, 'run-electronegativity.cjs')
const electronVersion = devDependencies.electron

interface ScanResult {
  issues: Finding[]
  errors: { file: string; message: string; tolerable: boolean }[]
  atomicChecks: number
  globalChecks: number
}

async function scan(input: string): Promise<ScanResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [runner, input, electronVersion], {
    maxBuffer: 20 * 1024 * 1024,
    timeout: 120_000,
  })
  return JSON.parse(stdout) as ScanResult
}

const canaryMain = `const { app, BrowserWindow, shell } = require('electron')
app.whenReady().then(() => {
  const win = new BrowserWindow({
    webPreferences: { contextIsolation: false, sandbox: false, webSecurity: false, allowRunningInsecureContent: true },
  })
  win.loadURL('http://example.com/')
  win.webContents.on('new-window', (event, url) => shell.openExternal(url))
})
`

const built = existsSync(join(outDir, 'main', 'index.js')) && existsSync(join(outDir, 'renderer', 'index.html'))

describe.skipIf(!built)('electronegativity on out/ (run `npm run build` first)', () => {
  let dir: string
  let app: ScanResult
  let canary: ScanResult
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'electronegativity-'))
    // A copy: the scan must see one consistent build even if another build starts meanwhile.
    await cp(outDir, join(dir, 'app'), { recursive: true })
    await mkdir(join(dir, 'canary'))
    await writeFile(join(dir, 'canary', 'main.js'), canaryMain)
    ;[app, canary] = await Promise.all([scan(join(dir, 'app')), scan(join(dir, 'canary'))])
  }, 120_000)
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it("finds the canary app's mistakes (the tool works here)", () => {
    const ids = new Set(canary.issues.map((i) => i.id))
    for (const id of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
    ]) {
      expect(ids, id).toContain(id)
    }
    expect(ids).toContain('LIMIT_NAVIGATION_GLOBAL_CHECK')
  })

  it('parses every file of the build', () => {
    expect(app.atomicChecks).toBeGreaterThan(30)
    expect(app.errors.filter((e) => !e.tolerable)).toEqual([])
  })

  it('has no finding that is not triaged in allowlist.ts, and no stale entry there', () => {
    const { untriaged, stale } = triage(app.issues, triagedFindings)
    expect(untriaged.map(describeFinding), 'untriaged findings: fix them, or triage them with a reason').toEqual([])
    expect(
      stale.map((e) => `${e.id} in ${e.file}`),
      'allowlist entries that match nothing: remove them',
    ).toEqual([])
  })
})
