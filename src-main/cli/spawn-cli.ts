/**
 * Test helper: runs the real `media-import` bin (`node src-main/cli/bin.cjs …`) as a child
 * process, the way a user's shell does. Lives beside the CLI because only its tests use it.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { spawn } from 'node:child_process'
import { join } from 'node:path'

export const binPath = join(__dirname, 'bin.cjs')

export interface CliResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Environment for a child: ours without any sandbox secrets a developer may have exported. */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra }
  for (const name of Object.keys(env)) if (name.startsWith('MEDIA_IMPORT_')) delete env[name]
  for (const [name, value] of Object.entries(extra)) if (value === undefined) delete env[name]
  return env
}

export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv = childEnv()): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [binPath, ...args], { env, stdio: 'pipe' })
}

/** Runs to the end and collects everything. */
export function runCliProcess(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliResult> {
  const child = spawnCli(args, env)
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

/** Resolves with all stdout so far once `pattern` appears in it; rejects if the process ends first. */
export function waitForOutput(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string> {
  let stdout = ''
  let stderr = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      stdout += chunk.toString('utf8')
      if (pattern.test(stdout)) {
        child.stdout.off('data', onData)
        child.off('close', onClose)
        resolve(stdout)
      }
    }
    const onClose = (code: number | null): void =>
      reject(new Error(`media-import exited (${code}) before printing ${pattern}:\n${stdout}\n${stderr}`))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.stdout.on('data', onData)
    child.once('close', onClose)
  })
}

export function waitForExit(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stderr: string }> {
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve({ code: child.exitCode, stderr })
    else child.once('close', (code) => resolve({ code, stderr }))
  })
}
