import { describe, expect, it } from 'vitest'
import { externalOpener } from './open-external'

describe('externalOpener', () => {
  it('hands http(s) URLs to the shell and refuses any other scheme', async () => {
    const opened: string[] = []
    const open = externalOpener({ openExternal: async (url) => void opened.push(url) })
    await open('http://127.0.0.1:4100/editor/media-library/abc')
    await expect(open('file:///etc/passwd')).rejects.toThrow(/only http\(s\) addresses are opened/)
    await expect(open('javascript:alert(1)')).rejects.toThrow(/only http\(s\)/)
    expect(opened).toEqual(['http://127.0.0.1:4100/editor/media-library/abc'])
  })
})
