#!/usr/bin/env node
/* global process, require, console */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS entry, run as its own process */
// Runs @doyensec/electronegativity through its programmatic API and prints
// { issues, errors, atomicChecks, globalChecks } as JSON on stdout.
// Usage: node run-electronegativity.cjs <input dir> <electron version>
//
// Why a child process: the tool registers a global `__` (i18n) and patches console.log.
// Why `got` is replaced: the tool fetches translations and Electron's release list from the
// internet on every run. This machine and CI have no internet (and tests may only talk to
// loopback); waiting for those requests to fail cost ~20 s. The replacement fails at once, so
// the tool falls back to its bundled English texts, and the release-list check reports nothing.
const Module = require('node:module')

const offline = () => Promise.reject(new Error('offline: electronegativity runs without network'))
offline.head = offline
offline.get = offline
const originalLoad = Module._load
Module._load = function load(request, parent, isMain) {
  if (request === 'got') return offline
  return originalLoad.call(this, request, parent, isMain)
}

const [input, electronVersion] = process.argv.slice(2)
if (!input || !electronVersion) {
  process.stderr.write('usage: run-electronegativity.cjs <input dir> <electron version>\n')
  process.exit(2)
}
// Its bundled English texts, whatever the machine's locale.
process.env.LANG = 'en-US'

const run = require('@doyensec/electronegativity')
// The tool logs progress through console.log; stdout is reserved for the JSON answer.
console.log = (...args) => process.stderr.write(`${args.join(' ')}\n`)

run({
  input,
  electronVersionOverride: electronVersion,
  // An unknown version check would need the release list from the internet (see above).
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  isRelative: true,
}).then(
  (result) => {
    const issues = result.issues.map((issue) => ({
      id: issue.id,
      file: issue.file,
      line: issue.location.line,
      column: issue.location.column,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      sample: issue.sample ?? '',
      description: issue.description,
      manualReview: Boolean(issue.manualReview),
    }))
    process.stdout.write(
      JSON.stringify({
        issues,
        errors: result.errors,
        atomicChecks: result.atomicChecks,
        globalChecks: result.globalChecks,
      }),
    )
  },
  (err) => {
    process.stderr.write(`electronegativity failed: ${err && err.stack ? err.stack : String(err)}\n`)
    process.exitCode = 1
  },
)
