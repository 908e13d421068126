import { describe, expect, it } from 'vitest'
import { presentFields } from './present-fields'

describe('presentFields', () => {
  it('keeps the fields a file has and drops empty ones', () => {
    expect(
      presentFields({ title: 'Harbour', description: '', creator: undefined, gps: { latitude: 1, longitude: 2 } }),
    ).toEqual({
      title: 'Harbour',
      gps: { latitude: 1, longitude: 2 },
    })
  })

  it('is undefined when nothing is left', () => {
    expect(presentFields({ title: '', copyright: undefined })).toBeUndefined()
  })
})
