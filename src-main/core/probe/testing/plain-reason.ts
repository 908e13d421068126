/** For the verdict tests (kept apart from probe-helpers, which scripts outside vitest load too). */
import { expect } from 'vitest'
import type { ProbeResult } from '../../model/probe-facts'
import type { TempDir } from './probe-helpers'

/** One sentence an editor can read: no line breaks, no absolute paths, no library names. */
export function expectPlainReason(result: ProbeResult, dir: TempDir): void {
  const message = result.error?.message ?? ''
  expect(message).not.toMatch(/\n/)
  expect(message).not.toContain(dir.path(''))
  expect(message).not.toMatch(/vips|libheif|heif_|mediainfo|VipsForeign|zlib|inflate/i)
}
