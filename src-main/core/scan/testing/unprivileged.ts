/**
 * Tests of "unreadable" entries need a process that permissions apply to; root reads
 * everything. When the tests run as root, the code under test runs in a child process, on the
 * same sources (through tsx), and hands its result back as JSON. The child stays root but
 * without the two capabilities that bypass file permissions (CAP_DAC_OVERRIDE and
 * CAP_DAC_READ_SEARCH, dropped by util-linux's `setpriv`): a mode-000 file then refuses it, while
 * the checkout, tsx and the packages stay readable to their owner even when the checkout's parent
 * folder is private (mode 0700, as `mktemp -d` folders and /root are). Running the child as
 * `nobody`, as before, failed there with "Cannot find package 'tsx'". Without setpriv, the child
 * runs as `nobody`, which needs a checkout that everyone can read.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const repoRoot = resolve(__dirname, '../../../..')
const nobody = 65534
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p))
const withoutFilePermissionBypass = [
  '--bounding-set=-dac_override,-dac_read_search',
  '--inh-caps=-dac_override,-dac_read_search',
  '--',
]

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
    const node = [process.execPath, '--import', 'tsx', script]
    const [command, ...argv] = runningAsRoot() && setpriv ? [setpriv, ...withoutFilePermissionBypass, ...node] : node
    const asNobody = runningAsRoot() && !setpriv ? { uid: nobody, gid: nobody } : {}
    const { stdout } = await run(command!, argv, {
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
