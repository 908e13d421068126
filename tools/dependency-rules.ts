// The layer rules of .dependency-cruiser.cjs, run through dependency-cruiser's API (tools/lint-deps.ts
// is the npm script; dependency-rules.test.ts proves each rule bites). The API, not the CLI: the CLI
// refuses Node 20 (its engines say ^22||^24||>=26) while this repository's tests run on Node 20, and
// the API has no such check and runs fine there.
import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { ICruiseOptions, ICruiseResult, IConfiguration, IReporterOutput, OutputType } from 'dependency-cruiser'

const repoRoot = resolve(__dirname, '..')

/** The folders whose code the rules cover (the CLI equivalent takes the same list). */
export const CRUISED = ['src-main', 'src-renderer', 'src-shared', 'e2e', 'bench', 'tools']

export interface DependencyCheck {
  result: ICruiseResult
  /** The violations that fail the check (known ones are softened to `ignore` and left out). */
  errors: { rule: string; from: string; to: string; cycle: string[] }[]
}

/** The rule set and options of .dependency-cruiser.cjs, as the API takes them. */
export function loadConfig(): ICruiseOptions {
  const config = createRequire(__filename)(join(repoRoot, '.dependency-cruiser.cjs')) as IConfiguration
  const { options, ...ruleSet } = config
  return { ...structuredClone(options ?? {}), ruleSet: structuredClone(ruleSet), validate: true }
}

/**
 * Cruises `paths` (relative to `baseDir`) with the repository's rules and reports in `outputType`
 * ('err' is what the CLI prints; none gives the result object). `baseDir` is the repository itself
 * for the real check and a temporary tree in the tests that prove the rules bite.
 */
export async function cruiseWithRules(
  baseDir = repoRoot,
  paths = CRUISED,
  outputType?: OutputType,
): Promise<IReporterOutput> {
  // dependency-cruiser is an ES module only; this file is loaded as CommonJS by tsx.
  const { cruise } = await import('dependency-cruiser')
  const { default: extractTSConfig } = await import('dependency-cruiser/config-utl/extract-ts-config')
  const options: ICruiseOptions = { ...loadConfig(), baseDir, ...(outputType ? { outputType } : {}) }
  const tsConfigFile = join(baseDir, 'tsconfig.json')
  const hasTsConfig = existsSync(tsConfigFile)
  if (hasTsConfig) options.tsConfig = { fileName: tsConfigFile }
  else delete options.tsConfig
  const present = paths.filter((p) => existsSync(join(baseDir, p)))
  const previous = process.cwd()
  // dependency-cruiser names modules relative to the working directory.
  process.chdir(baseDir)
  try {
    return await cruise(present, options, {}, hasTsConfig ? { tsConfig: extractTSConfig(tsConfigFile) } : {})
  } finally {
    process.chdir(previous)
  }
}

/** The rules over `paths` as data: what fails (known cycles are softened to `ignore` and left out). */
export async function checkDependencies(baseDir = repoRoot, paths = CRUISED): Promise<DependencyCheck> {
  const result = (await cruiseWithRules(baseDir, paths)).output as ICruiseResult
  const errors = result.summary.violations
    .filter((v) => v.rule.severity === 'error')
    .map((v) => ({ rule: v.rule.name, from: v.from, to: v.to, cycle: (v.cycle ?? []).map((c) => c.name) }))
  return { result, errors }
}
