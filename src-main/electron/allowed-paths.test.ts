import { describe, expect, it } from 'vitest'
import type { Handlers } from '../core/app/handlers'
import { AllowedPaths, withRememberedPaths } from './allowed-paths'

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

describe('withRememberedPaths', () => {
  it('remembers the paths of addPaths before the real handler runs, and passes its answer on', async () => {
    const allowed = new AllowedPaths()
    const seen: string[][] = []
    const handlers = {
      addPaths: async ({ paths }: { paths: string[] }) => {
        seen.push(paths)
        expect(allowed.allows(paths[0] ?? '')).toBe(true)
        return { scanId: 'scan-1' }
      },
    } as unknown as Handlers
    const wrapped = withRememberedPaths(handlers, allowed)
    await expect(wrapped.addPaths({ paths: ['/drop/here'] })).resolves.toEqual({ scanId: 'scan-1' })
    expect(seen).toEqual([['/drop/here']])
    expect(allowed.allows('/drop/here/x.png')).toBe(true)
  })
})
