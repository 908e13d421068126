import { describe, expect, it } from 'vitest'
import { triagedFindings, type TriagedFinding } from './allowlist'
import { triage, type Finding } from './triage'

const finding = (over: Partial<Finding>): Finding => ({
  id: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'main/index.js',
  line: 1,
  column: 0,
  severity: 'MEDIUM',
  confidence: 'TENTATIVE',
  sample: 'if (isSafeExternalUrl(url)) electron.shell.openExternal(url).catch(() => {})',
  description: 'Review the use of openExternal',
  ...over,
})
const entry: TriagedFinding = {
  id: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'main/index.js',
  sample: /isSafeExternalUrl\(url\)\) electron\.shell\.openExternal/,
  reason: 'guarded',
}

describe('triage', () => {
  it('passes a finding the allowlist covers by id, file and sample', () => {
    expect(triage([finding({})], [entry])).toEqual({ untriaged: [], stale: [] })
  })

  it('fails a new occurrence of an allowed check elsewhere or without the guard', () => {
    const unguarded = finding({ sample: 'shell.openExternal(url)' })
    const elsewhere = finding({ file: 'preload/index.js' })
    expect(triage([finding({}), unguarded, elsewhere], [entry]).untriaged).toEqual([unguarded, elsewhere])
  })

  it('names allowlist entries that no longer match anything', () => {
    expect(triage([], [entry]).stale).toEqual([entry])
  })

  it('gives every committed entry a reason a reviewer can check', () => {
    for (const e of triagedFindings) expect(e.reason.length, e.id).toBeGreaterThan(40)
  })
})
