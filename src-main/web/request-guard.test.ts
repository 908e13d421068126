import { describe, expect, it } from 'vitest'
import {
  cookieValue,
  isAllowedFetchSite,
  isAllowedHost,
  isAllowedOrigin,
  newToken,
  tokenCookie,
  tokenMatches,
} from './request-guard'

describe('request guard (media-import ui)', () => {
  it('makes 32-byte tokens, a new one each time', () => {
    const token = newToken()
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    expect(newToken()).not.toBe(token)
  })

  it('matches the token exactly, whatever the lengths', () => {
    const token = newToken()
    expect(tokenMatches(token, token)).toBe(true)
    expect(tokenMatches(token.slice(0, -1), token)).toBe(false)
    expect(tokenMatches(`${token}x`, token)).toBe(false)
    expect(tokenMatches('', token)).toBe(false)
    expect(tokenMatches(undefined, token)).toBe(false)
  })

  it('accepts only the loopback names with our port as Host', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true)
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true)
    expect(isAllowedHost('evil.example:4000', 4000)).toBe(false)
    expect(isAllowedHost('127.0.0.1:4001', 4000)).toBe(false)
    expect(isAllowedHost('127.0.0.1', 4000)).toBe(false)
    expect(isAllowedHost(undefined, 4000)).toBe(false)
  })

  it('accepts no Origin, or our own only', () => {
    expect(isAllowedOrigin(undefined, '127.0.0.1:4000')).toBe(true)
    expect(isAllowedOrigin('http://127.0.0.1:4000', '127.0.0.1:4000')).toBe(true)
    expect(isAllowedOrigin('http://localhost:4000', '127.0.0.1:4000')).toBe(false)
    expect(isAllowedOrigin('https://evil.example', '127.0.0.1:4000')).toBe(false)
    expect(isAllowedOrigin('null', '127.0.0.1:4000')).toBe(false)
  })

  it('refuses requests the browser marks as made by another site', () => {
    expect(isAllowedFetchSite(undefined)).toBe(true)
    expect(isAllowedFetchSite('same-origin')).toBe(true)
    expect(isAllowedFetchSite('none')).toBe(true)
    expect(isAllowedFetchSite('same-site')).toBe(false)
    expect(isAllowedFetchSite('cross-site')).toBe(false)
  })

  it('reads its cookie among others, and sets it HttpOnly and SameSite=Strict', () => {
    expect(cookieValue('a=1; media-import-ui-4000=tok; b=2', 'media-import-ui-4000')).toBe('tok')
    expect(cookieValue('media-import-ui-4001=tok', 'media-import-ui-4000')).toBeUndefined()
    expect(tokenCookie(4000, 'tok')).toBe('media-import-ui-4000=tok; HttpOnly; SameSite=Strict; Path=/')
  })
})
