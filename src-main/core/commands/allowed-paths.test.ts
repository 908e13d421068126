import { describe, expect, it, vi } from 'vitest'
import { AllowedPaths, confineToAllowed } from './allowed-paths'
import { dispatchCommand } from './dispatch'
import type { Handlers } from './handler-types'

describe('AllowedPaths', () => {
  it('allows what the editor chose and everything under it, nothing else', () => {
    const allowed = new AllowedPaths()
    allowed.remember(['/media/shoot', '/home/ed/cover.jpg'])
    expect(allowed.allows('/media/shoot')).toBe(true)
    expect(allowed.allows('/media/shoot/day1/a.jpg')).toBe(true)
    expect(allowed.allows('/home/ed/cover.jpg')).toBe(true)
    expect(allowed.allows('/media/shoot-other/a.jpg')).toBe(false)
    expect(allowed.allows('/media')).toBe(false)
    expect(allowed.allows('/home/ed/.ssh/id_rsa')).toBe(false)
    expect(allowed.allows('/media/shoot/../../etc/passwd')).toBe(false)
    expect(allowed.allows('media/shoot/a.jpg')).toBe(false)
    expect(allowed.allows('/media/shoot/a\0.jpg')).toBe(false)
  })

  it('ignores relative paths and NUL bytes when remembering', () => {
    const allowed = new AllowedPaths()
    allowed.remember(['relative', '/a\0b', '/ok/'])
    expect(allowed.list()).toEqual(['/ok'])
    expect(allowed.allows('/ok/x')).toBe(true)
  })

  it('allows everything under the root folder when the editor picked it', () => {
    const allowed = new AllowedPaths()
    allowed.remember(['/'])
    expect(allowed.allows('/anything')).toBe(true)
  })
})

describe('confineToAllowed', () => {
  const setup = () => {
    const allowed = new AllowedPaths()
    const addPaths = vi.fn(async () => ({ scanId: 'scan-1' }))
    const handlers = confineToAllowed({ addPaths } as unknown as Handlers, allowed)
    return { allowed, addPaths, handlers }
  }

  it('scans paths the editor dropped or picked', async () => {
    const { allowed, addPaths, handlers } = setup()
    allowed.remember(['/drop/here'])
    await expect(handlers.addPaths({ paths: ['/drop/here', '/drop/here/sub'] })).resolves.toEqual({ scanId: 'scan-1' })
    expect(addPaths).toHaveBeenCalledOnce()
  })

  it('refuses the whole request when one path was not chosen, naming it, and scans nothing', async () => {
    const { allowed, addPaths, handlers } = setup()
    allowed.remember(['/drop/here'])
    const result = await dispatchCommand(handlers, 'addPaths', { paths: ['/drop/here', '/home/ed/.ssh'] })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'path-not-allowed', message: expect.stringContaining('/home/ed/.ssh') as string },
    })
    expect(addPaths).not.toHaveBeenCalled()
  })

  it('names at most three refused paths', async () => {
    const { handlers } = setup()
    await expect(handlers.addPaths({ paths: ['/a', '/b', '/c', '/d', '/e'] })).rejects.toThrow(
      'Not added: /a, /b, /c and 2 more was not dropped',
    )
  })
})
