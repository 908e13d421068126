import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { saveDialogOptions, withExtension, writeExportFile } from './export-file'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'export-file-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('saveDialogOptions', () => {
  it('opens in the folder with the suggested name, filtered to its format, asking before overwriting', () => {
    const options = saveDialogOptions('media-import-results-2026-05-31-12-00.csv', '/Users/ed/Documents')
    expect(options.defaultPath).toBe('/Users/ed/Documents/media-import-results-2026-05-31-12-00.csv')
    expect(options.filters).toEqual([{ name: 'CSV (Excel, Google Sheets)', extensions: ['csv'] }])
    expect(options.properties).toContain('showOverwriteConfirmation')
    expect(saveDialogOptions('results.json', '/tmp').filters).toEqual([{ name: 'JSON', extensions: ['json'] }])
  })
})

describe('withExtension', () => {
  it('adds the format extension only when the editor typed a name without one', () => {
    expect(withExtension('/out/results', 'media-import-results.csv')).toBe('/out/results.csv')
    expect(withExtension('/out/results.txt', 'media-import-results.csv')).toBe('/out/results.txt')
    expect(withExtension('/out.d/results', 'x.json')).toBe('/out.d/results.json')
  })
})

describe('writeExportFile', () => {
  it('writes the text whole, replacing an older file, and leaves no temp file', async () => {
    const path = join(dir, 'results.csv')
    await writeFile(path, 'old')
    const content = '\uFEFFpath,status\r\nReportage/é.jpg,imported\r\n'
    expect(await writeExportFile(path, content)).toBe(path)
    expect(await readFile(path, 'utf8')).toBe(content)
    expect(await readdir(dir)).toEqual(['results.csv'])
  })

  it('says where it could not write and what to do, leaving nothing behind', async () => {
    const path = join(dir, 'missing-folder', 'results.csv')
    await expect(writeExportFile(path, 'x')).rejects.toThrow(
      `The results could not be saved to ${path} (ENOENT); choose another folder and export again.`,
    )
    expect(await readdir(dir)).toEqual([])
  })
})
