import { describe, expect, it } from 'vitest'
import { judgeLock, lockedMessage, parseHolder, sinceText } from './lock-holder'

const here = { pid: 100, host: 'desk-1' }
const alive =
  (...pids: number[]) =>
  (pid: number) =>
    pids.includes(pid)

describe('judging a lock', () => {
  it('holds for a live process on this computer, not for a dead one', () => {
    const holder = { pid: 200, host: 'desk-1', startedAt: '2026-12-07T19:02:00Z' }
    expect(judgeLock(holder, here, alive(200), false)).toBe('held')
    expect(judgeLock(holder, here, alive(), false)).toBe('stale')
  })

  it('never takes over a lock from another computer, whatever its pid says here', () => {
    expect(judgeLock({ pid: 200, host: 'laptop', startedAt: '' }, here, alive(), false)).toBe('held')
  })

  it('takes its own pid as held only while this process really has the session open', () => {
    const ours = { pid: 100, host: 'desk-1', startedAt: '' }
    expect(judgeLock(ours, here, alive(100), true)).toBe('held')
    // Left by an earlier process with the same pid (a restarted container).
    expect(judgeLock(ours, here, alive(100), false)).toBe('stale')
  })

  it('reads only a complete lock', () => {
    expect(parseHolder('{"pid":7,"host":"h","startedAt":"x","by":"media-import import"}')).toEqual({
      pid: 7,
      host: 'h',
      startedAt: 'x',
      by: 'media-import import',
    })
    for (const text of ['', '{"pid":7', '{"pid":0,"host":"h","startedAt":"x"}', '{"pid":7,"startedAt":"x"}']) {
      expect(parseHolder(text)).toBeUndefined()
    }
  })
})

describe('the message', () => {
  const at = new Date(2026, 11, 7, 19, 2)
  it('names the process, its host and since when, and what to do', () => {
    const holder = { pid: 1234, host: 'desk-1', startedAt: at.toISOString(), by: 'media-import import' }
    expect(lockedMessage(holder, here, '/s/session.lock', new Date(2026, 11, 7, 19, 30))).toBe(
      'This import session is open in another process (media-import import, pid 1234 on host desk-1, since 19:02). ' +
        'Wait for it to finish, or stop it there (Ctrl+C in its terminal, or close its window), then try again.',
    )
  })

  it('says a lock from another computer is not taken over, and which file to delete', () => {
    const message = lockedMessage({ pid: 9, host: 'laptop', startedAt: at.toISOString() }, here, '/s/session.lock', at)
    expect(message).toMatch(
      /pid 9 on host laptop, since 19:02\)\. It is on another computer, so it is never taken over/,
    )
    expect(message).toMatch(/delete \/s\/session\.lock/)
  })

  it('gives the day when it is not today', () => {
    expect(sinceText(at.toISOString(), new Date(2026, 11, 8, 9, 0))).toBe('2026-12-07 19:02')
    expect(sinceText('nonsense', at)).toBe('an unknown time')
  })
})
