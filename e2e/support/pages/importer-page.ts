/**
 * The importer window as an editor sees it: banner, toolbar, drop zone, grid. Specs speak in
 * these terms and never in selectors. Shared by the browser journeys; the Electron journeys can
 * use it too (it needs only a Page, plus a way to map dropped names to paths).
 */
import { expect } from '@playwright/test'
import type { JSHandle, Locator, Page } from '@playwright/test'
import { basename } from 'node:path'

/** What the page object needs from whatever hosts the app (browser harness or Electron). */
export interface ImporterHost {
  /** Makes the system folder picker answer these paths next. */
  answerPicker(paths: readonly string[]): void | Promise<void>
  /** Makes `pathForFile` resolve dropped File names to these absolute paths. */
  registerDropPaths(paths: ReadonlyMap<string, string>): Promise<void>
}

export interface GridRowText {
  file: string
  kind: string
  size: string
  status: string
}

export interface ScrollFigures {
  frames: number
  medianMs: number
  p95Ms: number
  maxMs: number
}

export class ImporterPage {
  readonly sandboxBanner: Locator
  readonly chooseFoldersButton: Locator
  readonly scanProgress: Locator
  readonly grid: Locator
  readonly dropZone: Locator
  readonly problems: Locator
  /** Appears once something was skipped; its label carries the count. */
  readonly showSkipped: Locator

  constructor(
    readonly page: Page,
    private readonly host: ImporterHost,
  ) {
    this.sandboxBanner = page.getByRole('note', { name: 'Sandbox' })
    this.chooseFoldersButton = page.getByRole('button', { name: 'Choose folders…' })
    // The scan's own live region (the upload controls have one too).
    this.scanProgress = page.getByRole('status').and(page.locator('.scan-progress'))
    this.grid = page.getByRole('grid', { name: 'Files' })
    this.dropZone = page.getByTestId('drop-zone')
    this.problems = page.getByRole('alert')
    this.showSkipped = page.getByRole('checkbox', { name: /^Show skipped/ })
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url)
    // The app has talked to the core once the mode is known.
    await expect(this.page.getByRole('note')).toBeVisible()
  }

  /** Body rows currently rendered (the grid is virtualised: only those in view exist). */
  get rows(): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell') })
  }

  row(relativePath: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('gridcell', { name: relativePath, exact: true }) })
  }

  /** Starts dragging these files/folders over the window, without dropping yet. */
  async dragOver(absolutePaths: readonly string[]): Promise<JSHandle<DataTransfer>> {
    // A drop hands the renderer File objects; only their names cross into the page, and the
    // bridge's pathForFile maps each name back to the path, as Electron's webUtils would.
    const names = absolutePaths.map((p) => basename(p))
    await this.host.registerDropPaths(new Map(absolutePaths.map((p, i) => [names[i]!, p])))
    const dataTransfer = await this.page.evaluateHandle((fileNames) => {
      const dt = new DataTransfer()
      for (const name of fileNames) dt.items.add(new File([], name))
      return dt
    }, names)
    await this.dropZone.dispatchEvent('dragenter', { dataTransfer })
    await this.dropZone.dispatchEvent('dragover', { dataTransfer })
    return dataTransfer
  }

  async release(dataTransfer: JSHandle<DataTransfer>): Promise<void> {
    await this.dropZone.dispatchEvent('drop', { dataTransfer })
    await dataTransfer.dispose()
  }

  async drop(absolutePaths: readonly string[]): Promise<void> {
    await this.release(await this.dragOver(absolutePaths))
  }

  /** Clicks "Choose folders…" with the system picker answering these paths. */
  async chooseFolders(absolutePaths: readonly string[]): Promise<void> {
    await this.host.answerPicker(absolutePaths)
    await this.chooseFoldersButton.click()
  }

  /** Waits until every scan has ended in `state`; a scan ends once each file is read. */
  async waitForScan(
    state: 'done' | 'failed' | 'cancelled' = 'done',
    options: { timeout?: number } = {},
  ): Promise<void> {
    await expect(this.scanProgress).toHaveAttribute('data-state', state, options)
  }

  /** The toolbar's "Technical columns" switch, turned on (kind, size, upload, identity…). */
  async showTechnicalColumns(): Promise<void> {
    const toggle = this.page.getByRole('button', { name: 'Technical columns' })
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click()
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  }

  /**
   * File, kind, size and status of the rows drawn (the technical columns are shown for it). Cells
   * are read by column, each scrolled into view first: the grid renders only the columns in view.
   */
  async rowTexts(): Promise<GridRowText[]> {
    await this.showTechnicalColumns()
    return this.grid.evaluate(async (grid) => {
      const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
      const headers = [...grid.querySelectorAll<HTMLElement>('[role="columnheader"]')]
      const read = async (name: string): Promise<Map<string, string>> => {
        const header = headers.find((h) => h.textContent?.trim() === name)
        if (!header) throw new Error(`The grid has no "${name}" column`)
        grid.scrollLeft = Math.max(0, header.offsetLeft - grid.clientWidth / 2)
        grid.dispatchEvent(new Event('scroll'))
        await frame()
        const texts = new Map<string, string>()
        for (const row of grid.querySelectorAll<HTMLElement>('[role="row"][data-row-id]')) {
          const cell = row.querySelector(`[role="gridcell"][data-column="${header.dataset.column ?? ''}"]`)
          texts.set(row.dataset.rowId ?? '', cell?.textContent ?? '')
        }
        return texts
      }
      const [file, kind, size, status] = [
        await read('File'),
        await read('Kind'),
        await read('Size'),
        await read('Status'),
      ]
      grid.scrollLeft = 0
      grid.dispatchEvent(new Event('scroll'))
      return [...file.keys()].map((id) => ({
        file: file.get(id) ?? '',
        kind: kind.get(id) ?? '',
        size: size.get(id) ?? '',
        status: status.get(id) ?? '',
      }))
    })
  }

  /**
   * Scrolls the grid from top to bottom in `frames` equal jumps, one per animation frame, and
   * times the frames: all rendering a jump causes happens before the next frame can start.
   */
  async measureScroll(frames: number): Promise<ScrollFigures> {
    return this.grid.evaluate(async (grid, count) => {
      const intervals: number[] = []
      const nextFrame = () => new Promise<number>((done) => requestAnimationFrame(done))
      const step = (grid.scrollHeight - grid.clientHeight) / count
      let last = await nextFrame()
      for (let i = 1; i <= count; i++) {
        grid.scrollTop = step * i
        const now = await nextFrame()
        intervals.push(now - last)
        last = now
      }
      intervals.sort((a, b) => a - b)
      const at = (q: number) =>
        Math.round(intervals[Math.min(intervals.length - 1, Math.floor(q * intervals.length))] ?? 0)
      return { frames: count, medianMs: at(0.5), p95Ms: at(0.95), maxMs: at(1) }
    }, frames)
  }
}
