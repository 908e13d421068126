import { describe, expect, it } from 'vitest'
import { isInside, isInsideAny } from './inside-roots'

describe('isInside', () => {
  it('accepts the root itself and paths below it', () => {
    expect(isInside('/media/card', '/media/card')).toBe(true)
    expect(isInside('/media/card/DCIM/a.jpg', '/media/card')).toBe(true)
    expect(isInside('/media/card/DCIM/a.jpg', '/media/card/')).toBe(true)
  })

  it('compares whole path components', () => {
    expect(isInside('/media/card2/a.jpg', '/media/card')).toBe(false)
    expect(isInside('/media', '/media/card')).toBe(false)
    expect(isInside('/media/card/../secret', '/media/card')).toBe(false)
  })

  it('accepts a path inside any of several roots', () => {
    expect(isInsideAny('/b/x.jpg', ['/a', '/b'])).toBe(true)
    expect(isInsideAny('/c/x.jpg', ['/a', '/b'])).toBe(false)
    expect(isInsideAny('/a', [])).toBe(false)
  })
})
