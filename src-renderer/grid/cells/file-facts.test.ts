import { describe, expect, it } from 'vitest'
import { fileFacts } from './file-facts'

describe('fileFacts', () => {
  it('gives a picture its pixel size and file size', () => {
    expect(fileFacts({ kind: 'image', width: 6000, height: 4000, size: 8_400_000 })).toBe('6000 × 4000 · 8.4 MB')
  })

  it('leads a video with its duration', () => {
    expect(fileFacts({ kind: 'video', width: 1920, height: 1080, duration: 75.4, size: 41_000_000 })).toBe(
      '1:15 · 1920 × 1080 · 41 MB',
    )
  })

  it('says only the size of a file, or of a row not probed yet', () => {
    expect(fileFacts({ kind: 'file', size: 120_400 })).toBe('120 kB')
    expect(fileFacts({ size: 512 })).toBe('512 B')
  })
})
