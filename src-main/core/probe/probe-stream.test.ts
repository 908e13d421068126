import { copyFile, mkdir } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canImportAsFile, importAsFile } from '../pipeline/as-file'
import { makeImage, truncateTo } from './fixtures/generate'
import { Prober } from './prober'
import { probeStream, type ProbedFile } from './probe-stream'
import { rowFactsFromProbe } from '../pipeline/row-facts'
import { tempDir, type TempDir } from './testing/probe-helpers'

let dir: TempDir
beforeAll(async () => {
  dir = await tempDir('probe-stream')
  await mkdir(dir.path('drop/z'), { recursive: true })
  for (let i = 0; i < 30; i++) await makeImage(dir.path(`drop/img${String(i).padStart(2, '0')}.png`), 4 + i, 4)
  await copyFile(dir.path('drop/img03.png'), dir.path('drop/z/copy-of-3.png'))
  await truncateTo(dir.path('drop/img05.png'), 100, dir.path('drop/z/cut.png'))
})
afterAll(async () => dir.remove())

describe('probeStream', () => {
  it('yields in walk order with bounded concurrency and names each duplicate’s twin', async () => {
    const prober = new Prober({ concurrency: 3 })
    const out: ProbedFile[] = []
    for await (const item of probeStream([dir.path('drop')], prober, { window: 4 })) out.push(item)
    await prober.close()
    expect(out.map((o) => o.file.seq)).toEqual(out.map((_, i) => i))
    expect(out).toHaveLength(32)
    expect(out.find((o) => o.file.relativePath === 'drop/z/copy-of-3.png')?.duplicateOf).toBe('drop/img03.png')
    expect(out.filter((o) => o.duplicateOf)).toHaveLength(1)
    expect(out.find((o) => o.file.relativePath === 'drop/img29.png')?.probe).toMatchObject({ width: 33, height: 4 })
  })
})

describe('rows from probe results', () => {
  it('turns a damaged image into an unreadable row the editor can import as a file', async () => {
    const prober = new Prober()
    const [cut] = [await prober.probe({ path: dir.path('drop/z/cut.png'), size: 100 })]
    await prober.close()
    const row = { relativePath: 'drop/z/cut.png', status: 'scanned' as const }
    const facts = { ...row, ...rowFactsFromProbe(row, cut ?? { size: 0, warnings: [] }) }
    expect(facts).toMatchObject({ status: 'unreadable', kind: 'image', probeError: { code: 'truncated' } })
    expect(canImportAsFile(facts)).toBe(true)
    const asFile = importAsFile(facts)
    expect(asFile).toMatchObject({
      status: 'probed',
      kind: 'file',
      probeError: undefined,
      prefill: { metadata: { title: 'cut' } },
    })
    expect(asFile?.warnings?.at(-1)).toMatchObject({
      code: 'imported-as-file',
      message: expect.stringMatching(/^Imported as a file: Truncated PNG/),
    })
    expect(
      importAsFile({ ...facts, probeError: { code: 'unreadable', message: 'x', canImportAsFile: false } }),
    ).toBeUndefined()
  })
})
