import { describe, expect, it } from 'vitest'
import { dispatchCommand } from './dispatch'
import type { Handlers } from './handler-types'
import { createSupportHandlers } from './support-handlers'

const table = (reveal?: () => Promise<string>) => createSupportHandlers(reveal) as unknown as Handlers

describe('revealLogs', () => {
  it('answers the folder the host opened', async () => {
    expect(
      await dispatchCommand(
        table(async () => '/data/logs'),
        'revealLogs',
        undefined,
      ),
    ).toEqual({
      ok: true,
      value: { path: '/data/logs' },
    })
  })

  it('says why when the host cannot open it, or has no way to', async () => {
    const failing = await dispatchCommand(
      table(async () => {
        throw new Error('no file manager')
      }),
      'revealLogs',
      undefined,
    )
    expect(failing).toMatchObject({ ok: false, error: { code: 'reveal-failed', message: /no file manager/ } })
    expect(await dispatchCommand(table(), 'revealLogs', undefined)).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    })
  })

  it('refuses an argument', async () => {
    expect(
      await dispatchCommand(
        table(async () => '/x'),
        'revealLogs',
        { path: '/etc' },
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    })
  })
})
