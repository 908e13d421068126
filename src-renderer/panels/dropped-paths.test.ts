import { describe, expect, it } from 'vitest'
import { droppedPaths } from './dropped-paths'

const file = (name: string) => ({ name }) as File

describe('droppedPaths', () => {
  it('resolves each item, drops duplicates and keeps what is not a file apart', () => {
    const paths: Record<string, string> = { photos: '/home/ed/photos', 'a.txt': '/home/ed/a.txt' }
    const result = droppedPaths(
      [file('photos'), file('a.txt'), file('photos'), file('link'), file('')],
      (f) => paths[f.name] ?? '',
    )
    expect(result).toEqual({ paths: ['/home/ed/photos', '/home/ed/a.txt'], notFiles: ['link', 'unnamed item'] })
  })
})
