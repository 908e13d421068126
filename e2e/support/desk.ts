/**
 * A captioning desk's shoot for the journeys of the editor's layout (editor-layout.spec.ts,
 * desk-titles.spec.ts): five photos as a photographer's card brings them (landscape and portrait,
 * captioned in the camera or not) and a clip, made by ImageMagick, exiftool and ffmpeg in the
 * folder given to the real `media-import ui` on the command line, sorted by File.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator } from '@playwright/test'
import { makeVideo, run, tag, tools } from '../../src-main/core/probe/fixtures/generate'
import { expect, type UiApp } from '../harness/ui-fixtures'
import { GridPage } from './pages/grid-page'
import type { ImporterPage } from './pages/importer-page'

export const DESK = 'Harbour shoot'

/** Pictures as a photographer's card brings them: landscape and portrait, captioned in the camera or not. */
export const PICTURES: ReadonlyArray<{ name: string; size: string; colours: string; tags: string[] }> = [
  {
    name: 'DSC_0412.jpg',
    size: '1800x1200',
    colours: 'steelblue-orange',
    tags: [
      '-XMP-dc:Title=Container cranes at dawn',
      '-XMP-dc:Description=Gantry cranes unload the first ship of the day at the Burchardkai terminal.',
      '-XMP-photoshop:Credit=Maren Vogt / Hafenbild',
      '-XMP-dc:Rights=© 2026 Hafenbild',
      '-XMP-photoshop:City=Hamburg',
    ],
  },
  { name: 'DSC_0413.jpg', size: '1800x1200', colours: 'navy-gold', tags: ['-XMP-dc:Title=Pilot boat leaving'] },
  { name: 'DSC_0417.jpg', size: '1200x1800', colours: 'darkgreen-khaki', tags: [] },
  {
    name: 'DSC_0420.jpg',
    size: '1800x1200',
    colours: 'slategray-salmon',
    tags: ['-XMP-dc:Description=Fish market at sunrise', '-XMP-dc:Creator=Maren Vogt'],
  },
  { name: 'DSC_0421.jpg', size: '1800x1200', colours: 'teal-wheat', tags: [] },
]

/** The shoot's folder, given to `media-import ui` on the command line (added as if dropped). */
export async function openDesk(ui: UiApp): Promise<{ importer: ImporterPage; grid: GridPage }> {
  const folder = join(ui.filesDir, DESK)
  await mkdir(folder, { recursive: true })
  for (const [i, p] of PICTURES.entries()) {
    const path = join(folder, p.name)
    await run(tools.convert, ['-seed', String(40 + i), '-size', p.size, `plasma:${p.colours}`, '-blur', '0x2', path])
    if (p.tags.length > 0) await tag(path, p.tags)
  }
  await makeVideo(join(folder, 'MVI_0425.mp4'), { seconds: 3, width: 640, height: 360, args: ['-pix_fmt', 'yuv420p'] })
  const importer = await ui.start([folder])
  await expect(importer.rows).toHaveCount(PICTURES.length + 1, { timeout: 60_000 })
  const grid = new GridPage(importer)
  await grid.expectCounts({ Ready: PICTURES.length + 1 }, 60_000)
  await grid.sortBy('File')
  return { importer, grid }
}

export const header = (importer: ImporterPage, label: string): Locator =>
  importer.grid
    .getByRole('columnheader')
    .filter({ has: importer.page.getByRole('button', { name: label, exact: true }) })

export const at = (name: string): string => `${DESK}/${name}`

export async function loadedThumb(importer: ImporterPage, name: string): Promise<Locator> {
  const img = importer.row(at(name)).locator('[role="gridcell"][data-column="thumbnail"] img')
  await expect(img).toBeVisible({ timeout: 30_000 })
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0)
  return img
}
