/** Shared by the probe tests: a temp folder per test file and a probe of one path. */
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { probeFile } from '../probe-file'
import type { ProbeResult } from '../../model/probe-facts'
import { MediaInfoReader } from '../video/mediainfo-reader'

export const fixture = (name: string): string => join(__dirname, '..', 'fixtures', name)

export interface TempDir {
  path: (name: string) => string
  remove: () => Promise<void>
}

export async function tempDir(prefix: string): Promise<TempDir> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`))
  return { path: (name) => join(dir, name), remove: () => rm(dir, { recursive: true, force: true }) }
}

const mediaInfo = new MediaInfoReader()

/** Probes one file as the app does, with a small head so multi-read paths are exercised too. */
export async function probe(path: string, headBytes = 256 * 1024): Promise<ProbeResult> {
  const { size } = await stat(path)
  return probeFile({ path, size }, { mediaInfo, headBytes })
}

export const codes = (result: ProbeResult): string[] => result.warnings.map((w) => w.code)
