/* global module */
// The layer rules of ARCHITECTURE.md ("Invariants"), held by dependency-cruiser instead of memory.
// `npm run lint:deps` (part of `npm test`) runs them through tools/lint-deps.ts, which calls
// dependency-cruiser's API: its CLI refuses Node 20, the API runs on it. On Node >= 22 the CLI
// should read this same file (`npx depcruise src-main src-renderer src-shared e2e bench tools`); not tried
// here, where Node is 20.
//
// Type-only imports (`import type`) are seen (tsPreCompilationDeps) and count for cycles, but the
// renderer may import any *type* from src-main: types vanish at build time, only runtime code would
// be bundled into the window.

/**
 * Test helpers that live beside the tests they serve rather than in a testing/ folder (moving them
 * is left to the issue #19 restructuring): the CLI's spawned-process helpers and the emulator's.
 * They are test code: they may use the other helpers, and only tests may import them.
 */
const TEST_HELPERS_ELSEWHERE = [
  '^src-main/cli/spawn-cli\\.ts$',
  '^src-main/cli/import-test-env\\.ts$',
  '^src-main/cli/import-crash-plan\\.ts$',
  '^src-main/cli/import-crash-fixtures\\.ts$',
  '^src-main/core/sandbox/emulator/testing\\.ts$',
]

/** Tests, end-to-end journeys and benches: the only code that may use test helpers. */
const TEST_CODE = [
  '\\.test\\.tsx?$',
  '^e2e/',
  '^bench/',
  '^tools/',
  '(^|/)testing/',
  '^src-main/test-support/',
  ...TEST_HELPERS_ELSEWHERE,
]

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle of runtime imports: module initialisation order then decides what is undefined. ' +
        'Move the shared part into a module both sides import.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-types',
      severity: 'error',
      comment:
        'A cycle that runs through `import type`: harmless at runtime, but it ties modules into one ' +
        'knot. Put the shared type where both sides can import it (the types everything shares ' +
        'live in src-main/core/model).',
      from: {},
      to: { circular: true, via: { dependencyTypes: ['type-only'] } },
    },
    {
      name: 'core-not-electron',
      severity: 'error',
      comment:
        'src-main/core runs in plain Node (CLI, tests, harness, `media-import ui`): electron stays in ' +
        'src-main/electron. ESLint bans the same import by name; this rule also sees it through re-exports.',
      from: { path: '^src-main/core/' },
      to: { path: ['(^|/)node_modules/electron/', '^electron$', '^src-main/electron/'] },
    },
    {
      name: 'core-not-shells',
      severity: 'error',
      comment: 'The core is used by the CLI and the Electron shell; it never reaches back into them.',
      from: { path: '^src-main/core/' },
      to: { path: ['^src-main/cli/', '^src-main/cli\\.ts$', '^src-main/main\\.ts$', '^src-main/preload\\.ts$'] },
    },
    {
      name: 'model-imports-nothing',
      severity: 'error',
      comment:
        'src-main/core/model holds the types everything shares (Row, probe facts, prefill, Livingdocs ' +
        'shapes, session patches): it imports only itself, so no cycle can run through it and every ' +
        'layer, the renderer included, can name its types.',
      from: { path: '^src-main/core/model/' },
      to: { pathNot: '^src-main/core/model/' },
    },
    {
      name: 'contract-only-in-command-layer',
      severity: 'error',
      comment:
        'src-main/contract.ts is the IPC surface (commands, events, channel names). In the core only ' +
        'the command layer (core/commands) speaks it; every other core module takes the shared types ' +
        'from core/model, so a change to the IPC surface never ripples into the pipeline.',
      from: { path: '^src-main/core/', pathNot: '^src-main/core/commands/' },
      to: { path: '^src-main/contract\\.ts$' },
    },
    {
      name: 'main-not-renderer',
      severity: 'error',
      comment: 'The core and the shells never import the renderer: it runs in a sandboxed window.',
      from: { path: '^src-main/' },
      to: { path: '^src-renderer/' },
    },
    {
      name: 'test-helpers-only-in-tests',
      severity: 'error',
      comment:
        'src-main/test-support and every testing/ folder hold fakes and fixtures: only tests, e2e and ' +
        'benches may import them, so none of it ships in the app or the CLI.',
      from: { pathNot: TEST_CODE },
      to: { path: ['^src-main/test-support/', '(^|/)testing/', ...TEST_HELPERS_ELSEWHERE] },
    },
    {
      name: 'renderer-runtime-from-main',
      severity: 'error',
      comment:
        'The renderer talks to main only through window.mediaImport. From src-main it imports types ' +
        '(`import type`, from the contract); code it runs comes from src-shared/ or a package.',
      from: { path: '^src-renderer/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src-main/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-stays-pure',
      severity: 'error',
      comment:
        'src-shared/ runs in the renderer and in main: at runtime it imports only src-shared/ (no Node ' +
        'built-ins, no packages, no src-main or src-renderer code). Types come via `import type`.',
      from: { path: '^src-shared/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^src-shared/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'row-lifecycle-only-model-types',
      severity: 'error',
      comment:
        "A row's state machine (core/pipeline/row-lifecycle.ts) is a table and a pure function: it imports " +
        'nothing but types of core/model (the Row and its status), so every caller can trust it and nothing it ' +
        'imports can move a row behind its back.',
      from: { path: '^src-main/core/pipeline/row-lifecycle\\.ts$' },
      to: { pathNot: '^src-main/core/model/' },
    },
    {
      name: 'row-lifecycle-only-model-types',
      severity: 'error',
      comment: 'The model module is imported by row-lifecycle.ts with `import type` only.',
      from: { path: '^src-main/core/pipeline/row-lifecycle\\.ts$' },
      to: { path: '^src-main/core/model/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Not `exclude` for node_modules: that would drop packages as dependencies too, and
    // core-not-electron must see `electron`.
    exclude: { path: '^(out|dist|test-results|playwright-report|e2e/artifacts|bench/\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Electron's and Node's export conditions, so packages resolve as the build resolves them.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
}
