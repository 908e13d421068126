/**
 * `media-import ui` as a shell runs it (the real bin): usage errors exit 2 before anything starts;
 * with `--profile` it serves one session over that profile, prints UI_URL first, adds the paths
 * given, and Ctrl+C saves the session and exits 0. The Sandbox journey is in
 * e2e/browser/ui-command.spec.ts; the server's security rules in web/ui-server.test.ts.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeMixedMedia } from '../core/importer/testing/mixed-media'
import type { RunningSandbox } from '../core/sandbox/start-sandbox'
import { startTempSandbox } from '../test-support/temp-sandbox'
import { childEnv, runCliProcess, spawnCli, waitForExit, waitForOutput } from './spawn-cli'

let dir: string
let sandbox: RunningSandbox
let close: () => Promise<void>

beforeAll(async () => {
  ;({ dir, sandbox, close } = await startTempSandbox('cli-ui'))
})
afterAll(() => close())

const env = (): NodeJS.ProcessEnv => ({
  ...childEnv({ HOME: join(dir, 'home'), XDG_DATA_HOME: undefined }),
  ...sandbox.env,
})

/** The Sandbox's variables with its Livingdocs token replaced by a wrong one. */
function wrongToken(): Record<string, string> {
  const name = Object.keys(sandbox.env).find((key) => key.endsWith('TOKEN'))!
  return { [name]: 'not-the-token' }
}

describe('media-import ui (spawned bin)', () => {
  it('exits 2 with a sentence for what it cannot do', { timeout: 120_000 }, async () => {
    const help = await runCliProcess(['ui', '--help'], env())
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('UI_URL=<address>')
    const cases: Array<[string[], RegExp]> = [
      [['ui', '--session', join(dir, 's')], /--session needs --profile/],
      [['ui', '--port', '99999'], /--port needs a number from 1 to 65535/],
      [['ui', join(dir, 'no-such-folder')], /Not found: .*no-such-folder/],
      [['ui', '--profile', join(dir, 'missing.json')], /missing\.json/],
      [
        ['ui', '--profile', sandbox.profilePath, '--session', join(dir, 'wrong-token')],
        /Livingdocs at http:\/\/127\.0\.0\.1/,
      ],
    ]
    for (const [args, message] of cases) {
      const vars = args.some((arg) => arg.endsWith('wrong-token')) ? { ...env(), ...wrongToken() } : env()
      const result = await runCliProcess(args, vars)
      expect(result.code, result.stderr).toBe(2)
      expect(result.stderr).toMatch(message)
      expect(result.stdout).toBe('')
      expect(result.stderr).not.toContain('not-the-token')
    }
  })

  it('serves a session over --profile, adds the paths given, and saves it on Ctrl+C', { timeout: 90_000 }, async () => {
    const media = await makeMixedMedia(dir)
    const session = join(dir, 'ui-session')
    const child = spawnCli(
      ['ui', media.root, '--profile', sandbox.profilePath, '--session', session, '--no-open'],
      env(),
    )
    const exited = waitForExit(child)
    try {
      const stdout = await waitForOutput(child, /^UI_URL=\S+\n/)
      const url = new URL(stdout.split('\n')[0]!.slice('UI_URL='.length))
      expect(url.hostname).toBe('127.0.0.1')
      const token = url.searchParams.get('token')!
      const command = async (name: string): Promise<unknown> => {
        const answer = await fetch(new URL(`/__mi/command/${name}`, url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Media-Import-Token': token },
        })
        return answer.json()
      }
      expect(await command('getAppInfo')).toMatchObject({
        ok: true,
        value: {
          mode: 'profile',
          profileName: sandbox.profile.name,
          livingdocsUrl: sandbox.livingdocsUrl,
          sessionId: 'ui-session',
        },
      })
      // The folder given was added as if dropped: its files become rows.
      const paths = async (): Promise<string[]> => {
        const snapshot = (await command('getSnapshot')) as { value: { rows: Array<{ relativePath: string }> } }
        return snapshot.value.rows.map((row) => row.relativePath).sort()
      }
      await expect
        .poll(paths, { timeout: 30_000 })
        .toEqual(expect.arrayContaining(media.files.map((file) => file.relativePath)))
      // Without the token the same command is refused.
      expect((await fetch(new URL('/__mi/command/getAppInfo', url), { method: 'POST' })).status).toBe(403)
    } finally {
      child.kill('SIGINT')
    }
    const { code, stderr } = await exited
    expect(code, stderr).toBe(0)
    expect(await readdir(session)).toContain('session.json')
  })
})
