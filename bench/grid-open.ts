/**
 * bench:grid's session and the page that shows it, as a user of `media-import ui` gets it: the
 * core (createAppCore over a Session of ROWS uploaded images, validated by the core) behind the
 * ui server in this process (src-main/web/ui-server.ts: its HTTP commands, its SSE events and
 * answers, its thumbnails), and Debian's Chromium opening the address the server prints. The
 * first-row figure is then the time from opening that address to the first row painted, the
 * renderer's bundle, the bridge and the snapshot's transport included.
 *
 * Real thumbnails: ImageMagick draws a few dozen different pictures, the app's ThumbnailCache
 * makes its WebP thumbnails of them (sharp), and those files are stored under THUMB_KEYS keys,
 * so the rows name that many different URLs (a scroll through 50,000 rows shows a few thousand
 * rows, each asking the server for its own image, as distinct files would).
 */
import { chromium } from '@playwright/test'
import type { Browser, Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { AppInfo, Row } from '../src-main/contract'
import { createAppCore } from '../src-main/core/commands/handlers'
import { readProjectModel } from '../src-shared/project/project-model'
import { ThumbnailCache } from '../src-main/core/probe/thumbnails/thumbnail-cache'
import { THUMBNAIL_HTTP_PATH, thumbnailKey } from '../src-shared/urls/thumbnail-url'
import { Session } from '../src-main/core/session/session'
import { EventStreams } from '../src-main/web/event-stream'
import { DEFAULT_RENDERER_DIR } from '../src-main/web/renderer-files'
import { startUiServer } from '../src-main/web/ui-server'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/harness/chromium-args'
import { FIRST_ROW_MESSAGE, installProbes } from './grid-probes'
import { TOOLS } from './peers'

const PICTURES = 24
const THUMB_KEYS = 4096

const project = readProjectModel(
  JSON.parse(readFileSync(resolve(__dirname, '../resources/sandbox/project-config.json'), 'utf8')),
)
const appInfo: AppInfo = { version: 'bench', mode: 'sandbox', profileName: 'Bench', livingdocsUrl: 'http://127.0.0.1' }

/** THUMB_KEYS thumbnail keys in `dir`, each a real WebP thumbnail the app's cache made. */
export async function makeThumbnails(dir: string): Promise<string[]> {
  const cache = new ThumbnailCache({ dir: join(dir, 'made'), ffmpeg: null })
  const made: string[] = []
  for (let i = 0; i < PICTURES; i++) {
    const picture = join(dir, `picture-${i}.jpg`)
    // A different picture each (plasma from its own seed, in its own colours), as photos differ.
    execFileSync(TOOLS.convert.command, [
      ...['-seed', String(i + 1), '-size', '900x600'],
      `plasma:hsl(${(i * 15) % 360},80%,50%)-hsl(${(i * 15 + 120) % 360},80%,40%)`,
      ...['-quality', '85', picture],
    ])
    const sha256 = createHash('sha256').update(readFileSync(picture)).digest('hex')
    const outcome = await cache.ensure({ path: picture, sha256, kind: 'image', mimeType: 'image/jpeg' })
    if (!('key' in outcome)) throw new Error(`no thumbnail for ${picture}: ${outcome.unavailable}`)
    made.push(cache.filePath(outcome.key))
  }
  const served = new ThumbnailCache({ dir })
  return Array.from({ length: THUMB_KEYS }, (_, n) => {
    const key = thumbnailKey(createHash('sha256').update(`bench-${n}`).digest('hex'), served.edge)
    const file = served.filePath(key)
    mkdirSync(dirname(file), { recursive: true })
    copyFileSync(made[n % made.length] as string, file)
    return key
  })
}

export function benchRow(n: number, thumbnails: readonly string[]): Row {
  const name = `IMG_${String(n % 1000).padStart(4, '0')}.jpg`
  const folder = `batch-${String(Math.floor(n / 1000)).padStart(2, '0')}`
  return {
    rowId: `row-${n}`,
    path: `/Volumes/Agency/dump/${folder}/${name}`,
    relativePath: `dump/${folder}/${name}`,
    size: 1_000_000 + n,
    mtimeMs: 1_780_000_000_000,
    status: 'uploaded',
    kind: 'image',
    mimeType: 'image/jpeg',
    extension: 'jpg',
    width: 3000,
    height: 2000,
    ...(thumbnails.length > 0 ? { thumbnail: thumbnails[n % thumbnails.length] } : {}),
    upload: {
      state: 'uploaded',
      bytesSent: 1_000_000 + n,
      bytesTotal: 1_000_000 + n,
      key: `2026/11/26/${n}.jpg`,
      url: `http://127.0.0.1:9/images/2026/11/26/${n}.jpg`,
    },
    entry: {
      id: `e${n.toString(16).padStart(31, '0')}`,
      mediaType: 'image',
      externalId: `agency-${n}`,
      metadata: { title: `${folder} ${name}`, credit: 'Agency', keywords: ['news', 'archive'] },
      translations: n % 3 === 0 ? { fr: { metadata: { title: `Photo ${n}` } } } : {},
    },
  }
}

export interface OpenGrid {
  browser: Browser
  page: Page
  session: Session
  /** The ui server's address, with its token. */
  url: string
  /** Time spent in main (the edit handler: plan, apply, validate, flush) per edit. */
  inMain: number[]
  errors: string[]
  /** From opening the address to the first row painted, in a browser that has shown a page before. */
  firstRowMs: number
  /** The same for the first page of a browser just started. */
  coldFirstRowMs: number
  /** Thumbnails the server answered with an image (200) so far. */
  thumbnailsServed(): number
  close(): Promise<void>
}

export interface OpenOptions {
  rows: number
  thumbnails: readonly string[]
  thumbnailDir: string
  /** Paced at 60 Hz as a display is; else a frame starts as soon as there is something to paint. */
  paced: boolean
  density?: string
  rendererDir?: string
}

/** Opens `url` in `page` until its first row is painted (told by the page, nothing run in it meanwhile). */
export async function gotoFirstRow(page: Page, url: string): Promise<void> {
  const painted = page.waitForEvent('console', {
    predicate: (message) => message.text() === FIRST_ROW_MESSAGE,
    timeout: 120_000,
  })
  await page.goto(url)
  await painted
}

/** The ui server's address in a new tab of an editor's screen (the issue's 1440×900), until its first row is painted. */
async function openPage(browser: Browser, url: string, density: string | undefined) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  // tsx (esbuild, keepNames) wraps named functions in __name(); page functions are serialised with it.
  await page.addInitScript({ content: 'window.__name = (fn) => fn' })
  // Another density than the default: the profile's saved layout (column-layout.ts) says so.
  if (density)
    await page.addInitScript(([key, layout]) => localStorage.setItem(key, layout), [
      `media-import:grid-layout:${appInfo.profileName}`,
      JSON.stringify({ density }),
    ] as const)
  await page.addInitScript(installProbes)
  await gotoFirstRow(page, url)
  return { page, firstRowMs: Math.round(await page.evaluate(() => window.__bench?.firstRowMs ?? 0)) }
}

/** Until the grid holds all `rows` rows (the header row counts in aria-rowcount). */
async function allRowsLoaded(page: Page, rows: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') === String(n + 1),
    rows,
    { timeout: 120_000 },
  )
}

/** A session of `rows` rows behind the ui server, opened in a fresh browser until its first row is painted. */
export async function openGrid(options: OpenOptions): Promise<OpenGrid> {
  const started = performance.now()
  const rows = Array.from({ length: options.rows }, (_, n) => benchRow(n, options.thumbnails))
  const session = new Session({ rows, flushMs: 100 })
  const events = new EventStreams()
  const core = createAppCore(
    {
      appInfo: () => appInfo,
      pickPaths: async () => [],
      emit: events.emit,
      project: () => project,
      defaultSystemName: () => 'agency',
    },
    session,
  )
  const inMain: number[] = []
  const editCells = core.handlers.editCells
  core.handlers.editCells = async (arg) => {
    const t = performance.now()
    const answer = await editCells(arg)
    inMain.push(performance.now() - t)
    return answer
  }
  const server = await startUiServer({
    handlers: core.handlers,
    events,
    thumbnailDir: options.thumbnailDir,
    getRow: (rowId) => session.getRow(rowId),
    rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
  })
  const pacing = options.paced ? [] : ['--disable-frame-rate-limit']
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...pacing] })
  const close = async () => {
    await browser.close()
    await server.close()
    core.dispose()
  }
  const errors: string[] = []
  try {
    const invalid = rows.filter((r) => (session.getRow(r.rowId)?.issues?.length ?? 0) > 0).length
    console.log(
      `${options.rows.toLocaleString('en')} rows in the session, validated by the core (${invalid} with issues), served by the ui server, in ${Math.round(performance.now() - started)} ms`,
    )
    // The browser just started: its first page also pays for loading Chromium's own code from
    // disk. Reported, then closed; the page measured is the next one, as in a running browser.
    const cold = await openPage(browser, server.url, options.density)
    // Closed only once it holds every row: closed earlier, the server would still be building its
    // remaining 5,000-row pages while the measured page's first commands wait behind them (one
    // window opening at a time is what an editor does; two at once is another figure).
    await allRowsLoaded(cold.page, options.rows)
    await cold.page.close()
    const { page, firstRowMs } = await openPage(browser, server.url, options.density)
    page.on('pageerror', (err) => errors.push(err.message))
    let served = 0
    page.on('response', (r) => {
      if (r.status() === 200 && new URL(r.url()).pathname.startsWith(THUMBNAIL_HTTP_PATH)) served++
    })
    // Then every row: the rest of the snapshot may still be arriving after the first screen.
    await allRowsLoaded(page, options.rows)
    return {
      browser,
      page,
      session,
      url: server.url,
      inMain,
      errors,
      firstRowMs,
      coldFirstRowMs: cold.firstRowMs,
      thumbnailsServed: () => served,
      close,
    }
  } catch (err) {
    if (errors.length > 0) console.error(`the page logged errors: ${errors.join('; ')}`)
    await close()
    throw err
  }
}
