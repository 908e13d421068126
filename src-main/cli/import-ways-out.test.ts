/**
 * Issue #17's ways out on the command line, as a user runs them: a folder with an externalId the
 * library already holds and a damaged image exits 1 and prints the command to run again; that
 * exact command (pasted into a shell) adds `--link-conflicts --import-unreadable-as-file`, exits 0,
 * and the library holds no duplicate.
 */
import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { makeImage, truncateTo } from '../core/probe/fixtures/generate'
import { imageAsset } from '../core/sandbox/emulator/testing'
import type { RunningSandbox } from '../core/sandbox/start-sandbox'
import { startTempSandbox } from '../test-support/temp-sandbox'
import { importRecords } from './import-test-env'
import { binPath, childEnv, runCliProcess } from './spawn-cli'

let dir: string
let sandbox: RunningSandbox
let stop: () => Promise<void>
beforeAll(async () => ({ dir, sandbox, close: stop } = await startTempSandbox('cli-ways-out')))
afterAll(() => stop())

const env = () => ({ ...childEnv({ HOME: join(dir, 'home'), XDG_DATA_HOME: undefined }), ...sandbox.env })

async function seedLibraryEntry(externalId: string): Promise<void> {
  const answer = await fetch(
    `${sandbox.livingdocsUrl}/api/${sandbox.profile.livingdocs.apiVersion}/import/mediaLibrary`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        mediaLibraryEntries: [
          {
            id: 'desk-1',
            mediaType: 'image',
            systemName: sandbox.profile.import.systemName,
            externalId,
            asset: imageAsset('desk'),
            metadata: { title: 'From the other desk' },
          },
        ],
      }),
    },
  )
  expect(answer.status).toBe(200)
}

it(
  'a conflict and a damaged image exit 1 with the re-run command; that command with the ways out exits 0, no duplicate',
  { timeout: 120_000 },
  async () => {
    await seedLibraryEntry('AP-9')
    // A space and a quote in the folder name: the printed command must still paste exactly.
    const root = join(dir, "desk's drop")
    await mkdir(root)
    await makeImage(join(root, 'agency.jpg'), 40, 30)
    await makeImage(join(root, 'fine.png'), 20, 20)
    const whole = await makeImage(join(dir, 'whole.jpg'), 64, 64, ['-quality', '90', '+noise', 'Random'])
    await truncateTo(whole, 2000, join(root, 'cut.jpg'))
    const csv = join(dir, 'meta.csv')
    await writeFile(csv, "relativePath,externalId\ndesk's drop/agency.jpg,AP-9\n")
    const session = join(dir, 'session')

    const first = await runCliProcess(
      ['import', root, '--profile', sandbox.profilePath, '--session', session, '--metadata', csv, '--json'],
      env(),
    )
    expect(first.code, first.stderr).toBe(1)
    const out = importRecords(first.stdout)
    const byName = (name: string) => out.find((r) => r.relativePath.endsWith(name))
    expect(byName('agency.jpg')).toMatchObject({
      outcome: 'conflict',
      state: 'Conflict: externalId held by library entry desk-1 (desk.jpeg)',
      waysOut: ['link', 'change-external-id'],
    })
    expect(byName('cut.jpg')).toMatchObject({
      outcome: 'unreadable',
      state: expect.stringMatching(/^Cannot be read: Truncated /) as string,
      waysOut: ['import-as-file'],
    })
    expect(byName('fine.png')).toMatchObject({ outcome: 'imported', state: 'Imported' })
    const line = /^Run again: (.+)$/m.exec(first.stderr)?.[1]
    expect(line, first.stderr).toBeDefined()
    expect(line).toContain('--link-conflicts --import-unreadable-as-file')
    expect(line).toContain(`--session ${session}`)
    const before = sandbox.emulator.entries().length

    // The printed command, pasted into a shell where media-import is this checkout's bin.
    const script = `media-import() { "${process.execPath}" "${binPath}" "$@"; }\n${line ?? ''}`
    const second = await promisify(execFile)('bash', ['-c', script], { env: env() }).then(
      (r) => ({ code: 0, ...r }),
      (err: { code: number; stdout: string; stderr: string }) => err,
    )
    expect(second.code, second.stderr).toBe(0)
    const again = importRecords(second.stdout)
    expect(again.find((r) => r.relativePath.endsWith('agency.jpg'))).toMatchObject({
      outcome: 'imported',
      state: 'Already in the library',
      mediaId: 'desk-1',
    })
    const cut = again.find((r) => r.relativePath.endsWith('cut.jpg'))
    expect(cut).toMatchObject({ outcome: 'imported', kind: 'file', state: 'Imported' })
    // Only the damaged image was added; the linked row and the imported PNG were not sent again.
    const entries = sandbox.emulator.entries()
    expect(entries).toHaveLength(before + 1)
    expect(entries.filter((e) => e.externalId === 'AP-9')).toHaveLength(1)
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length)
    expect(entries.find((e) => e.id === cut?.mediaId)?.mediaType).toBe('file')
  },
)
