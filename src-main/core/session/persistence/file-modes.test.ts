import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileUploadStateStore } from '../../storage/file-upload-state-store'
import { openSessionFolder } from './open-session'
import { sessionFiles } from './session-files'

const modeOf = async (path: string): Promise<string> => ((await stat(path)).mode & 0o777).toString(8)

describe('session files are the user’s only', () => {
  let parent: string
  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'session-modes-'))
  })
  afterEach(async () => {
    await rm(parent, { recursive: true, force: true })
  })

  it('creates the folders 0700 and the snapshot, journal and upload journal 0600', async () => {
    const dir = join(parent, 'sessions', 'one')
    const opened = await openSessionFolder(dir)
    const uploads = await FileUploadStateStore.open(sessionFiles(dir).uploads)
    await uploads.close()
    await opened.close()
    expect(await modeOf(join(parent, 'sessions'))).toBe('700')
    expect(await modeOf(dir)).toBe('700')
    for (const file of Object.values(sessionFiles(dir))) expect([file, await modeOf(file)]).toEqual([file, '600'])
  })

  it('makes a journal and a snapshot temp file left readable by others (older versions, a crash) private', async () => {
    const dir = join(parent, 'old')
    await (await openSessionFolder(dir)).close()
    const files = sessionFiles(dir)
    await writeFile(files.journal, '')
    await chmod(files.journal, 0o644)
    await writeFile(`${files.snapshot}.tmp`, 'torn')
    await chmod(`${files.snapshot}.tmp`, 0o644)
    await mkdir(dir, { recursive: true })
    const opened = await openSessionFolder(dir)
    await opened.close()
    expect(await modeOf(files.journal)).toBe('600')
    expect(await modeOf(files.snapshot)).toBe('600')
  })
})
