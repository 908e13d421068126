// A module.register() hook for start-up.test.ts: writes every ES module URL the process
// resolves to stderr (from the loader's thread), since ES modules never appear in require.cache.
import { writeSync } from 'node:fs'

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context)
  writeSync(2, `esm ${resolved.url}\n`)
  return resolved
}
