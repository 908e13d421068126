import { describe, expect, it } from 'vitest'
import { browserCommand, openBrowser } from './open-browser'

describe('opening the default browser', () => {
  it('uses the platform opener', () => {
    const url = 'http://127.0.0.1:4000/?token=a&b'
    expect(browserCommand('linux', url)).toEqual({ command: 'xdg-open', args: [url] })
    expect(browserCommand('darwin', url)).toEqual({ command: 'open', args: [url] })
    // cmd's start: "" is the window title; & would end the command line.
    expect(browserCommand('win32', url)).toEqual({
      command: 'cmd',
      args: ['/c', 'start', '""', 'http://127.0.0.1:4000/?token=a^&b'],
      verbatim: true,
    })
  })

  it('answers false, never throws, when there is no opener', async () => {
    // aix has no mapping of its own: xdg-open, absent on this machine's PATH below.
    const path = process.env.PATH
    process.env.PATH = '/nonexistent'
    try {
      expect(await openBrowser('http://127.0.0.1:1/', 'aix')).toBe(false)
    } finally {
      process.env.PATH = path
    }
  })
})
