#!/usr/bin/env node
/* global process, require */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS entry file */
// Entry for `npx media-import` / `npm exec media-import` from a checkout: runs the TypeScript CLI
// through tsx (a dependency), so there is no build step.

// The AWS SDK warns on every run under Node 20 that future versions will need Node 22 (docs/reference/toolchain.md §4).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

require('tsx/cjs/api').register()
const { runCli } = require('../cli.ts')
const { terminalLines } = require('./terminal-text.ts')

runCli(process.argv.slice(2)).then(
  (code) => {
    // exitCode, not exit(): lets piped stdout drain before the process ends.
    process.exitCode = code
  },
  (err) => {
    // A stack names files and messages that may hold escape sequences: printed safe, like every line.
    process.stderr.write(
      `media-import: unexpected error: ${terminalLines(err && err.stack ? err.stack : String(err))}\n`,
    )
    process.exitCode = 1
  },
)
