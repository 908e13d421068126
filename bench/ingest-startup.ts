/**
 * Start-up, as an editor sees it: `media-import scan --json <one photo>` from a fresh process
 * until its first record is printed, beside `exiftool -json -n -fast` on the same file until its
 * output is complete. Both include loading their program; the median of a few runs.
 */
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '..')

/** Milliseconds from spawning `command` until `done(stdoutSoFar)` holds (or it exits). */
function timeUntil(command: string, args: string[], done: (out: string) => boolean): Promise<number> {
  return new Promise((resolveMs, fail) => {
    const started = performance.now()
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
    let out = ''
    let ms: number | undefined
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      if (ms === undefined && done(out)) ms = performance.now() - started
    })
    child.on('error', fail)
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) fail(new Error(`${command} ${args.join(' ')} exited with ${code}`))
      else resolveMs(ms ?? performance.now() - started)
    })
  })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

export interface Startup {
  oursMs: number
  exiftoolMs: number
}

export async function measureStartup(file: string, runs = 5): Promise<Startup> {
  const ours: number[] = []
  const peer: number[] = []
  for (let i = 0; i < runs; i++) {
    ours.push(
      await timeUntil(process.execPath, [join(root, 'src-main/cli/bin.cjs'), 'scan', '--json', file], (out) =>
        out.includes('\n'),
      ),
    )
    peer.push(await timeUntil('exiftool', ['-json', '-n', '-fast', file], () => false))
  }
  return { oursMs: Math.round(median(ours)), exiftoolMs: Math.round(median(peer)) }
}
