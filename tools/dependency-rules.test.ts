// The rules of .dependency-cruiser.cjs bite: a small tree holds one forbidden import per rule (and
// the allowed neighbours of each), and the check over it must name exactly the forbidden ones.
// The real code base passing the same rules is `npm run lint:deps`.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkDependencies, type DependencyCheck } from './dependency-rules'

const tree: Record<string, string> = {
  // a stand-in `electron` package, so the import resolves as it does in the repository
  'node_modules/electron/package.json': '{ "name": "electron", "main": "index.js" }',
  'node_modules/electron/index.js': 'module.exports = {}\n',

  'src-main/electron/window.ts': 'export const win = 1\n',
  'src-main/cli/run.ts': 'export const run = 1\n',
  // a test helper outside a testing/ folder: tests may import it, the CLI's own code may not
  'src-main/cli/spawn-cli.ts': "import { helper } from '../test-support/helper'\nexport const spawnCli = helper\n",
  'src-main/cli/run.test.ts': "import { spawnCli } from './spawn-cli'\nexport const x = spawnCli\n",
  'src-main/cli/uses-spawn.ts': "import { spawnCli } from './spawn-cli'\nexport const y = spawnCli\n",
  'src-main/contract.ts': "export type Row = { id: string }\nexport const commands = ['x']\n",
  'src-main/test-support/helper.ts': 'export const helper = 1\n',
  'src-main/core/scan/testing/tree.ts':
    "import { helper } from '../../../test-support/helper'\nexport const t = helper\n",

  // core-not-electron (both the package and the shell folder), core-not-shells
  'src-main/core/uses-electron.ts': "import { app } from 'electron'\nexport const a = app\n",
  'src-main/core/uses-shell.ts': "import { win } from '../electron/window'\nexport const w = win\n",
  'src-main/core/uses-cli.ts': "import { run } from '../cli/run'\nexport const r = run\n",
  // contract-only-in-command-layer: core/commands speaks the IPC contract, the rest of the core does not
  'src-main/core/commands/handlers.ts': "import type { Row } from '../../contract'\nexport const h = (r: Row) => r\n",
  'src-main/core/session/session.ts': "import type { Row } from '../../contract'\nexport const s = (r: Row) => r\n",
  // main-not-renderer
  'src-main/core/draws.ts': "import { view } from '../../src-renderer/view'\nexport const d = view\n",
  // test-helpers-only-in-tests: product code may not, a test and a testing/ helper may
  'src-main/core/scan/walk.ts': "import { t } from './testing/tree'\nexport const walk = t\n",
  'src-main/core/uses-helper.ts': "import { helper } from '../test-support/helper'\nexport const h = helper\n",
  'src-main/core/scan/walk.test.ts':
    "import { helper } from '../../test-support/helper'\nimport { t } from './testing/tree'\nexport const x = [helper, t]\n",
  // no-circular (runtime) and no-circular-types (through `import type`)
  'src-main/core/loop/c.ts': "import { d } from './d'\nexport const c = () => d\n",
  'src-main/core/loop/d.ts': "import { c } from './c'\nexport const d = () => c\n",
  'src-main/core/knot/a.ts': "import type { B } from './b'\nexport type A = { b?: B }\nexport const a = 1\n",
  'src-main/core/knot/b.ts': "import { a } from './a'\nexport type B = { a: number }\nexport const b = a\n",
  // model-imports-nothing: the model imports itself only (no other core module, no Node built-in)
  'src-main/core/model/row.ts': [
    "import type { ProbeFacts } from './probe-facts'",
    "import type { Prefill } from '../prefill/prefill'",
    'export type Row = { facts?: ProbeFacts; prefill?: Prefill }',
    '',
  ].join('\n'),
  'src-main/core/model/probe-facts.ts':
    "import { sep } from 'node:path'\nexport type ProbeFacts = { sep: typeof sep }\n",
  'src-main/core/prefill/prefill.ts': "import type { Row } from '../model/row'\nexport type Prefill = { row?: Row }\n",
  // row-lifecycle-only-model-types: a type from the model is fine, anything else is not
  'src-main/core/pipeline/row-lifecycle.ts': [
    "import type { Row } from '../model/row'",
    "import { planParts } from '../storage/part-plan'",
    'export const next = (r: Row) => planParts() ?? r',
    '',
  ].join('\n'),
  'src-main/core/pipeline/row-lifecycle-step.ts': "import { walk } from '../scan/walk'\nexport const s = walk\n",
  // shared-stays-pure: src-shared runs only src-shared code (types from the contract are fine)
  'src-shared/editing/cell-text.ts':
    "import { readFileSync } from 'node:fs'\nexport const formatCellValue = (v: unknown) => String(v ?? readFileSync)\n",
  'src-shared/editing/tsv.ts': [
    "import type { Row } from '../../src-main/contract'",
    "import { formatCellValue } from './cell-text'",
    'export const toTsv = (r: Row | string) => formatCellValue(r)',
    '',
  ].join('\n'),
  'src-shared/editing/plans.ts':
    "import { planParts } from '../../src-main/core/storage/part-plan'\nexport const p = planParts\n",
  'src-shared/editing/tsv.test.ts':
    "import { planParts } from '../../src-main/core/storage/part-plan'\nexport const p = planParts\n",
  'src-main/core/storage/part-plan.ts': 'export const planParts = () => []\n',
  // renderer-runtime-from-main: types from the contract and code from src-shared are fine; code
  // from src-main is not, not even a pure core module
  'src-renderer/view.ts': [
    "import type { Row } from '../src-main/contract'",
    "import { toTsv } from '../src-shared/editing/tsv'",
    'export const view = (r: Row) => toTsv(r.id)',
    '',
  ].join('\n'),
  'src-renderer/uses-storage.ts':
    "import { planParts } from '../src-main/core/storage/part-plan'\nexport const p = planParts\n",
  'src-renderer/uses-pure-core.ts':
    "import { formatCellValue } from '../src-main/core/editing/cell-text'\nexport const f = formatCellValue\n",
  'src-main/core/editing/cell-text.ts': 'export const formatCellValue = (v: unknown) => String(v)\n',
  'src-renderer/uses-contract.ts': "import { commands } from '../src-main/contract'\nexport const c = commands\n",
  'src-renderer/view.test.ts':
    "import { planParts } from '../src-main/core/storage/part-plan'\nexport const p = planParts\n",
}

let dir = ''
let check: DependencyCheck

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dependency-rules-'))
  for (const [path, text] of Object.entries(tree)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), text)
  }
  check = await checkDependencies(dir, ['src-main', 'src-renderer', 'src-shared'])
})

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** "rule: from → to" for every error (a cycle is reported once), so a failure shows the whole list. */
function errors(): string[] {
  return [...new Set(check.errors.map((e) => `${e.rule}: ${e.from} → ${e.to}`))].sort()
}

describe('the dependency rules', () => {
  it('name every forbidden import of the tree, and nothing else', () => {
    expect(errors()).toEqual(
      [
        'core-not-electron: src-main/core/uses-electron.ts → node_modules/electron/index.js',
        'core-not-electron: src-main/core/uses-shell.ts → src-main/electron/window.ts',
        'contract-only-in-command-layer: src-main/core/session/session.ts → src-main/contract.ts',
        'core-not-shells: src-main/core/uses-cli.ts → src-main/cli/run.ts',
        'main-not-renderer: src-main/core/draws.ts → src-renderer/view.ts',
        'model-imports-nothing: src-main/core/model/probe-facts.ts → path',
        'model-imports-nothing: src-main/core/model/row.ts → src-main/core/prefill/prefill.ts',
        'no-circular-types: src-main/core/model/row.ts → src-main/core/prefill/prefill.ts',
        'no-circular: src-main/core/loop/c.ts → src-main/core/loop/d.ts',
        'no-circular-types: src-main/core/knot/a.ts → src-main/core/knot/b.ts',
        'renderer-runtime-from-main: src-renderer/uses-contract.ts → src-main/contract.ts',
        'renderer-runtime-from-main: src-renderer/uses-storage.ts → src-main/core/storage/part-plan.ts',
        'renderer-runtime-from-main: src-renderer/uses-pure-core.ts → src-main/core/editing/cell-text.ts',
        'shared-stays-pure: src-shared/editing/cell-text.ts → fs',
        'shared-stays-pure: src-shared/editing/plans.ts → src-main/core/storage/part-plan.ts',
        'row-lifecycle-only-model-types: src-main/core/pipeline/row-lifecycle.ts → src-main/core/storage/part-plan.ts',
        'test-helpers-only-in-tests: src-main/core/scan/walk.ts → src-main/core/scan/testing/tree.ts',
        'test-helpers-only-in-tests: src-main/core/uses-helper.ts → src-main/test-support/helper.ts',
        'test-helpers-only-in-tests: src-main/cli/uses-spawn.ts → src-main/cli/spawn-cli.ts',
      ].sort(),
    )
  })
})
