import { describe, expect, it } from 'vitest'
import { rendererLocation, userDataOverride, E2E_USER_DATA_ENV } from './launch-config'
import { APP_ENTRY_URL, APP_ORIGIN } from './security-policy'

describe('rendererLocation', () => {
  it('serves the built renderer from app:// by default', () => {
    expect(rendererLocation({}, false)).toEqual({ url: APP_ENTRY_URL, origin: APP_ORIGIN, devServerOrigin: null })
  })

  it('loads the electron-vite dev server in an unpackaged run', () => {
    expect(rendererLocation({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toEqual({
      url: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
      devServerOrigin: 'http://localhost:5173',
    })
  })

  it('ignores the variable in a packaged app', () => {
    expect(rendererLocation({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true).url).toBe(APP_ENTRY_URL)
  })

  it.each([
    'https://evil.example/',
    'file:///tmp/index.html',
    'javascript:alert(1)',
    'http://u:p@localhost:5173/',
    'nonsense',
  ])('ignores a dev URL that is not http(s) on loopback: %s', (url) => {
    expect(rendererLocation({ ELECTRON_RENDERER_URL: url }, false).url).toBe(APP_ENTRY_URL)
  })
})

describe('userDataOverride', () => {
  it('honours an absolute folder in unpackaged runs only', () => {
    expect(userDataOverride({ [E2E_USER_DATA_ENV]: '/tmp/e2e-1' }, false)).toBe('/tmp/e2e-1')
    expect(userDataOverride({ [E2E_USER_DATA_ENV]: '/tmp/e2e-1' }, true)).toBeNull()
    expect(userDataOverride({ [E2E_USER_DATA_ENV]: 'relative/dir' }, false)).toBeNull()
    expect(userDataOverride({}, false)).toBeNull()
  })
})
