import { describe, expect, it } from 'vitest'
import { REDACTED, Redactor, isSecretFieldName, spellingsOf } from './redactor'

const token = 'ldtok_Zq8w!x/Secret+Value=42'
const secretKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'

function redactorWith(...secrets: string[]): Redactor {
  const redactor = new Redactor()
  redactor.addSecret(...secrets)
  return redactor
}

describe('Redactor.redactText', () => {
  it('cuts a registered value out wherever it appears', () => {
    const r = redactorWith(token)
    expect(r.redactText(`request failed with token ${token} twice ${token}`)).toBe(
      `request failed with token ${REDACTED} twice ${REDACTED}`,
    )
  })

  it('cuts the URL-encoded and JSON-escaped spellings', () => {
    const r = redactorWith(token, 'with"quote\\slash')
    expect(r.redactText(`?t=${encodeURIComponent(token)}&x=1`)).toBe(`?t=${REDACTED}&x=1`)
    expect(r.redactText(JSON.stringify({ v: 'with"quote\\slash' }))).not.toContain('quote')
  })

  it('cuts base64 at every alignment inside a longer encoded string', () => {
    const r = redactorWith(secretKey)
    for (const prefix of ['', 'u:', 'us:', 'use:']) {
      const encoded = Buffer.from(`${prefix}${secretKey}-tail`).toString('base64')
      const out = r.redactText(`Authorization-ish: ${encoded}`)
      expect(out, prefix).toContain(REDACTED)
      // What is left cannot be decoded back to the secret.
      expect(Buffer.from(out.split(': ')[1] ?? '', 'base64').toString('latin1')).not.toContain(secretKey)
    }
    const urlSafe = Buffer.from(`x${secretKey}`).toString('base64url')
    expect(r.redactText(urlSafe)).toContain(REDACTED)
  })

  it('cuts shapes that are secret whatever their value', () => {
    const r = new Redactor()
    expect(r.redactText('Authorization: Bearer abc.def-ghi')).toBe(`Authorization: Bearer ${REDACTED}`)
    expect(r.redactText('https://s3/b/k?X-Amz-Credential=AKIA%2F2026&X-Amz-Signature=deadbeef&x=1')).toBe(
      `https://s3/b/k?X-Amz-Credential=${REDACTED}&X-Amz-Signature=${REDACTED}&x=1`,
    )
    expect(
      r.redactText('AWS4-HMAC-SHA256 Credential=AKIA/2026/us-east-1/s3/aws4_request, Signature=0123456789abcdef0123'),
    ).toBe(`AWS4-HMAC-SHA256 Credential=${REDACTED}, Signature=${REDACTED}`)
    expect(r.redactText('http://user:pa55@host/x')).toBe(`http://${REDACTED}@host/x`)
  })

  it('leaves short values and ordinary text alone', () => {
    const r = redactorWith('abc', '')
    expect(r.size).toBe(0)
    expect(r.redactText('abc is fine')).toBe('abc is fine')
  })
})

describe('Redactor.redact', () => {
  it('drops secret-named fields at any depth, whatever their value', () => {
    const r = new Redactor()
    const out = r.redact({
      headers: { Authorization: 'x', 'x-amz-security-token': 'y', 'content-type': 'image/jpeg' },
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'z' },
      token: 'short',
      list: [{ password: 'p' }],
      missing: { token: undefined },
    })
    expect(out).toEqual({
      headers: { Authorization: REDACTED, 'x-amz-security-token': REDACTED, 'content-type': 'image/jpeg' },
      credentials: REDACTED,
      token: REDACTED,
      list: [{ password: REDACTED }],
      missing: {},
    })
  })

  it('keeps errors to their name, message, code and cause, cleaned', () => {
    const r = redactorWith(token)
    const cause = new Error(`inner ${token}`)
    const error = Object.assign(new Error(`outer ${token}`, { cause }), {
      code: 'E_X',
      $response: { headers: { authorization: `Bearer ${token}` } },
      $metadata: { httpStatusCode: 403 },
    })
    expect(r.redact({ error })).toEqual({
      error: {
        name: 'Error',
        message: `outer ${REDACTED}`,
        code: 'E_X',
        status: 403,
        cause: { name: 'Error', message: `inner ${REDACTED}` },
      },
    })
  })

  it('survives cycles, buffers and bigints', () => {
    const a: Record<string, unknown> = { n: 1n, buf: Buffer.from('secret bytes') }
    a.self = a
    expect(new Redactor().redact(a)).toEqual({ n: '1', buf: '[12 bytes]', self: '[circular]' })
  })
})

describe('spellingsOf / isSecretFieldName', () => {
  it('lists the raw value first and no spelling shorter than a real secret', () => {
    const spellings = spellingsOf(secretKey)
    expect(spellings[0]).toBe(secretKey)
    expect(spellings.every((s) => s.length >= 6)).toBe(true)
  })

  it('matches names regardless of case, dashes and underscores', () => {
    expect(isSecretFieldName('Secret_Access_Key')).toBe(true)
    expect(isSecretFieldName('X-Amz-Security-Token')).toBe(true)
    expect(isSecretFieldName('tokenEnv')).toBe(false)
    expect(isSecretFieldName('accessKeyId')).toBe(false)
  })
})
