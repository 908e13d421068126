/**
 * Tests of "unreadable" entries need an account that permissions apply to; root reads
 * everything. When the tests run as root, the code under test runs in a child process as
 * `nobody`, on the same sources (through tsx), and hands its result back as JSON.
 */
import { execFile } from 'node:child_process'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const repoRoot = resolve(__dirname, '../../../..')
const nobody = 65534

export const runningAsRoot = (): boolean => process.getuid?.() === 0

/**
 * Calls `exportName(...args)` from `modulePath` (absolute) in a process that cannot bypass
 * file permissions, and returns its JSON-serialisable result. Async generators are drained
 * into an array.
 */
export async function callUnprivileged(modulePath: string, exportName: string, args: unknown[]): Promise<unknown> {
  const dir = await mkdtemp(join(tmpdir(), 'unprivileged-'))
  try {
    await chmod(dir, 0o755)
    const script = join(dir, 'call.mts')
    await writeFile(
      script,
      `import * as m from ${JSON.stringify(modulePath)}
const fn = (m as Record<string, any>)[${JSON.stringify(exportName)}] ?? (m as any).default?.[${JSON.stringify(exportName)}]
let out = fn(...${JSON.stringify(args)})
if (out && typeof out[Symbol.asyncIterator] === 'function') { const all = []; for await (const x of out) all.push(x); out = all }
process.stdout.write(JSON.stringify(await out))
`,
    )
    await chmod(script, 0o644)
    const asNobody = runningAsRoot() ? { uid: nobody, gid: nobody } : {}
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script], {
      cwd: repoRoot,
      env: { ...process.env, HOME: dir },
      maxBuffer: 64 * 1024 * 1024,
      ...asNobody,
    })
    return JSON.parse(stdout) as unknown
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
