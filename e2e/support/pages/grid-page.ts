/**
 * The grid as an editor works it: cells by file and column name, typing, the keyboard model,
 * selection, bulk set, fill-down, clipboard, find and replace, the error panel, counts and
 * submitting. Specs speak in these terms; selectors stay here.
 */
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import type { ImporterPage } from './importer-page'

/** Headers of the columns behind the "Technical columns" switch (column-model.ts). */
const TECHNICAL = new Set(['Kind', 'Size', 'Upload', 'Media type', 'Entry id', 'systemName', 'externalId'])

export type RowClassName = 'Ready' | 'Invalid' | 'Uploading' | 'Imported' | 'Failed'

export class GridPage {
  readonly page: Page
  readonly grid: Locator
  readonly errorPanel: Locator
  readonly counts: Locator

  constructor(readonly importer: ImporterPage) {
    this.page = importer.page
    this.grid = importer.grid
    this.errorPanel = this.page.getByRole('region', { name: 'Errors' })
    this.counts = this.page.getByRole('group', { name: 'Rows by state' })
  }

  /**
   * The column id under a header, e.g. "Title (fr)" -> translations.fr.metadata.title. A column the
   * default layout keeps among the technical ones (Kind, Size, Entry id…) is shown first, as an
   * editor does with one click.
   */
  async columnId(label: string): Promise<string> {
    const header = this.grid
      .getByRole('columnheader')
      .filter({ has: this.page.getByRole('button', { name: label, exact: true }) })
    if (TECHNICAL.has(label) && (await header.count()) === 0) await this.importer.showTechnicalColumns()
    await expect(header, `a column "${label}"`).toHaveCount(1)
    return (await header.getAttribute('data-column')) ?? ''
  }

  /** The cell of a file in a column, scrolled into view sideways (cells out of view are not rendered). */
  async cell(relativePath: string, column: string): Promise<Locator> {
    const id = await this.columnId(column)
    await this.grid.evaluate((grid, columnId) => {
      const headers = [...grid.querySelectorAll<HTMLElement>('[role="columnheader"]')]
      const header = headers.find((h) => h.dataset.column === columnId)
      if (!header) return
      const pinned = headers
        .filter((h) => ['select', 'thumbnail', 'path'].includes(h.dataset.column ?? ''))
        .reduce((sum, h) => sum + h.getBoundingClientRect().width, 0)
      const isPinned = ['select', 'thumbnail', 'path'].includes(columnId)
      const left = header.offsetLeft
      const right = left + header.offsetWidth
      if (isPinned) return
      if (left < grid.scrollLeft + pinned) grid.scrollLeft = left - pinned
      else if (right > grid.scrollLeft + grid.clientWidth) grid.scrollLeft = right - grid.clientWidth
    }, id)
    return this.importer.row(relativePath).locator(`[role="gridcell"][data-column="${id}"]`)
  }

  /** Clicks a cell, types over its value (a spreadsheet's type-to-replace) and commits with Enter. */
  async type(relativePath: string, column: string, text: string): Promise<void> {
    const cell = await this.cell(relativePath, column)
    await cell.click()
    await this.page.keyboard.type(text)
    await this.page.keyboard.press('Enter')
    await expect(cell.locator('.cell-editor')).toHaveCount(0)
  }

  /** Opens the cell's editor with F2, appends to the value and commits with Tab. */
  async append(relativePath: string, column: string, text: string): Promise<void> {
    const cell = await this.cell(relativePath, column)
    await cell.click()
    await this.page.keyboard.press('F2')
    await expect(cell.getByRole('textbox')).toBeFocused()
    await this.page.keyboard.type(text)
    await this.page.keyboard.press('Tab')
  }

  async expectText(relativePath: string, column: string, text: string | RegExp): Promise<void> {
    await expect(await this.cell(relativePath, column)).toHaveText(text)
  }

  /** Ctrl+A in the grid: every row in the filter. */
  async selectAll(): Promise<void> {
    await this.grid.focus()
    await this.page.keyboard.press('Control+a')
  }

  /** Selects the range from one cell to another (click, Shift+click) in one column. */
  async selectRange(fromPath: string, toPath: string, column: string, toColumn = column): Promise<void> {
    await (await this.cell(fromPath, column)).click()
    await (await this.cell(toPath, toColumn)).click({ modifiers: ['Shift'] })
  }

  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys)
  }

  async bulkSet(column: string, mode: 'Replace' | 'Append' | 'Clear', value = ''): Promise<void> {
    await this.page.getByRole('button', { name: 'Bulk set…' }).click()
    const panel = this.page.getByRole('complementary', { name: 'Bulk set' })
    await panel.getByLabel('Column').selectOption({ label: column })
    await panel.getByRole('radio', { name: mode }).check()
    if (mode !== 'Clear') await panel.getByLabel('Value').fill(value)
    await panel.getByRole('button', { name: /^Apply to/ }).click()
    await expect(panel.getByText(/cell\(s\) changed/)).toBeVisible()
    await panel.getByRole('button', { name: 'Close' }).click()
  }

  /** Pastes text at the active cell through the browser's paste event, as Ctrl+V from a spreadsheet delivers it. */
  async paste(text: string): Promise<void> {
    await this.grid.evaluate((grid, tsv) => {
      const data = new DataTransfer()
      data.setData('text/plain', tsv)
      grid.focus()
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, text)
  }

  /** What a copy of the selected range puts on the clipboard. */
  async copy(): Promise<string> {
    return this.grid.evaluate((grid) => {
      const data = new DataTransfer()
      grid.focus()
      document.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }))
      return data.getData('text/plain')
    })
  }

  async sortBy(column: string): Promise<void> {
    await this.grid.getByRole('columnheader').getByRole('button', { name: column, exact: true }).click()
  }

  async count(name: RowClassName): Promise<number> {
    const text = await this.counts.getByRole('button', { name: new RegExp(`^${name} `) }).innerText()
    return Number(text.replace(/\D/g, ''))
  }

  async expectCounts(expected: Partial<Record<RowClassName, number>>, timeout = 30_000): Promise<void> {
    for (const [name, n] of Object.entries(expected)) {
      await expect.poll(() => this.count(name as RowClassName), { timeout, message: `${name} rows` }).toBe(n)
    }
  }

  errorGroup(text: string | RegExp): Locator {
    return this.errorPanel.getByRole('button').filter({ hasText: text })
  }

  /**
   * Cells marked with a problem, as "file | column id", over every column: the grid renders only
   * the columns in view, so this pans across it and back.
   */
  async markedCells(): Promise<string[]> {
    return this.grid.evaluate(async (grid) => {
      const found = new Set<string>()
      const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
      const start = grid.scrollLeft
      for (let left = 0; ; left += Math.max(200, grid.clientWidth - 400)) {
        grid.scrollLeft = left
        grid.dispatchEvent(new Event('scroll'))
        await frame()
        for (const cell of grid.querySelectorAll<HTMLElement>('[role="gridcell"][aria-invalid="true"]')) {
          const file = cell.closest('[role="row"]')?.querySelector('[data-column="path"]')?.textContent ?? ''
          found.add(`${file} | ${cell.dataset.column ?? ''}`)
        }
        if (left >= grid.scrollWidth - grid.clientWidth) break
      }
      grid.scrollLeft = start
      return [...found]
    })
  }

  async clearSelection(): Promise<void> {
    const clear = this.page.getByRole('button', { name: 'Clear selection' })
    if (await clear.isVisible()) await clear.click()
  }

  /** Submits every valid row (a selection would narrow it: it is cleared first). */
  async submitAll(): Promise<string> {
    await this.clearSelection()
    await this.page.getByRole('button', { name: /^Submit all valid/ }).click()
    return this.submitReport()
  }

  async resubmitFailed(): Promise<string> {
    await this.page.getByRole('button', { name: /^Re-submit failed/ }).click()
    return this.submitReport()
  }

  private async submitReport(): Promise<string> {
    const report = this.page.locator('.submit-report')
    await expect(report).not.toHaveText(/…$|^$/, { timeout: 60_000 })
    return report.innerText()
  }
}
