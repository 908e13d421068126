/**
 * Running one process of the upload bench (`upload.ts`): how TypeScript processes are started,
 * `--cpu-prof`, and a client timed under GNU time for its wall time, peak RSS and CPU seconds.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'

export const root = resolve(__dirname, '..')
// The CLI's own way of running TypeScript (src-main/cli/bin.cjs registers tsx's CJS hook).
export const tsxArgs = ['--require', 'tsx/cjs']
/** `--cpu-prof <dir>`: V8 CPU profiles of our worker and of the S3 server, to see where the time goes. */
const profDir = process.argv.includes('--cpu-prof') ? process.argv[process.argv.indexOf('--cpu-prof') + 1] : undefined
export const profArgs = (name: string): string[] =>
  profDir
    ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profDir)}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`]
    : []

export async function procCpuSeconds(pid: number | undefined): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100
}

export interface RunResult {
  seconds: number
  peakRssMb: number
  cpuSeconds: number
  /** Of cpuSeconds, the kernel's share: on loopback it includes TCP for both ends of a send. */
  sysSeconds: number
  serverCpuSeconds: number
  stdout: string
}

/** Runs a client under /usr/bin/time for its peak RSS; rejects on a non-zero exit. */
export async function timed(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  scratch: string,
): Promise<Omit<RunResult, 'serverCpuSeconds'>> {
  const rssFile = join(scratch, 'rss.txt')
  const started = performance.now()
  const child = spawn('/usr/bin/time', ['-f', '%M %U %S', '-o', rssFile, cmd, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const code = await new Promise<number | null>((done) => child.on('exit', done))
  const seconds = (performance.now() - started) / 1000
  if (code !== 0) throw new Error(`${cmd} exited with ${code}: ${stderr.slice(-2000)}`)
  const [rssKb, user, sys] = ((await readFile(rssFile, 'utf8')).trim().split('\n').pop() ?? '').split(' ').map(Number)
  return { seconds, peakRssMb: (rssKb ?? 0) / 1024, cpuSeconds: (user ?? 0) + (sys ?? 0), sysSeconds: sys ?? 0, stdout }
}
