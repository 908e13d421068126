/**
 * Journey: an editor drops a folder of 50,000 real files; every one is walked and read by the
 * core. Opt-in (E2E_LARGE_DROP=1, or a file count such as E2E_LARGE_DROP=5000): reading 50,000
 * files takes minutes on the 2-core build VM.
 * The grid's own behaviour at this size runs in every suite (large-grid.spec.ts). Timings are
 * printed and attached; the bounds asserted are loose, meant to catch a freeze.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { saveScreenshot } from '../harness/artifacts'
import { expect, test } from '../harness/fixtures'

const requested = Number(process.env.E2E_LARGE_DROP ?? 0)
const FILES_PER_FOLDER = 1000
const FOLDERS = requested > 1 ? Math.ceil(requested / FILES_PER_FOLDER) : 50
const TOTAL = FOLDERS * FILES_PER_FOLDER
const lastFile = `Agency dump/batch-${String(FOLDERS - 1).padStart(2, '0')}/IMG_0999.txt`

test.skip(!requested, 'opt-in: set E2E_LARGE_DROP=1 to walk and read 50,000 real files')
test.setTimeout(900_000)

test(`an editor drops ${TOTAL.toLocaleString('en')} files and the grid stays responsive`, async ({
  importer,
  harness,
}, testInfo) => {
  const root = join(harness.filesDir, 'Agency dump')
  const created = Date.now()
  // Synchronous writes: thousands of concurrent async ones queue on libuv's 4 threads and are
  // several times slower here.
  for (let f = 0; f < FOLDERS; f++) {
    const folder = join(root, `batch-${String(f).padStart(2, '0')}`)
    mkdirSync(folder, { recursive: true })
    for (let i = 0; i < FILES_PER_FOLDER; i++)
      writeFileSync(join(folder, `IMG_${String(i).padStart(4, '0')}.txt`), `file ${f}/${i}`)
  }
  const createMs = Date.now() - created

  const dropped = Date.now()
  await importer.drop([root])
  await expect(importer.grid).toHaveAttribute('aria-rowcount', String(TOTAL + 1), { timeout: 600_000 })
  const listMs = Date.now() - dropped
  // Reading every file (type from the bytes, checksum) takes longer than listing them.
  await importer.waitForScan('done', { timeout: 600_000 })
  const loadMs = Date.now() - dropped
  await expect(importer.scanProgress).toContainText(`${TOTAL.toLocaleString('en')} files`)

  // Virtualised: a screenful of rows exists, not 50,000.
  const rendered = await importer.rows.count()
  expect(rendered).toBeGreaterThan(10)
  expect(rendered).toBeLessThan(80)

  const scroll = await importer.measureScroll(120)
  const keyboardToEnd = Date.now()
  await importer.grid.focus()
  await importer.page.keyboard.press('Control+End')
  await expect(importer.row(lastFile)).toBeInViewport()
  const endMs = Date.now() - keyboardToEnd

  const figures = `created ${TOTAL} files ${createMs} ms; drop→${TOTAL} rows listed ${listMs} ms, all read ${loadMs} ms; scroll ${scroll.frames} frames: median ${scroll.medianMs} ms, p95 ${scroll.p95Ms} ms, max ${scroll.maxMs} ms; End key→last row ${endMs} ms; DOM rows ${rendered}`
  console.log(`[large-drop] ${figures}`)
  testInfo.annotations.push({ type: 'figures', description: figures })
  await saveScreenshot(importer.page, testInfo, 'end')

  // A grid that rendered every row would take seconds per frame; a loaded VM stays well below 1 s.
  expect(scroll.p95Ms).toBeLessThan(1_000)
})
