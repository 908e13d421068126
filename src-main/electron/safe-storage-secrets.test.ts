import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SafeStorageSecretStore, type SafeStorageLike } from './safe-storage-secrets'

/** A stand-in for safeStorage: a reversible scramble, so the file never shows the plain value. */
function fakeSafeStorage(available = true, backend = 'gnome_libsecret'): SafeStorageLike {
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a))
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain: string) => flip(Buffer.from(`v10${plain}`, 'utf8')),
    decryptString: (sealed: Buffer) => flip(sealed).toString('utf8').slice(3),
    getSelectedStorageBackend: () => backend as ReturnType<NonNullable<SafeStorageLike['getSelectedStorageBackend']>>,
  }
}

describe('SafeStorageSecretStore', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'safe-secrets-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('keeps only ciphertext on disk, readable by the user alone, and reads it back in a new instance', async () => {
    const file = join(dir, 'secrets.json')
    const store = new SafeStorageSecretStore(file, fakeSafeStorage())
    await store.set('profile/Prod/token', 'plain-token-value-42')
    await store.set('profile/Prod/secretAccessKey', 'plain/secret+key')
    const text = await readFile(file, 'utf8')
    expect(text).not.toContain('plain-token-value-42')
    expect(text).not.toContain(Buffer.from('plain-token-value-42').toString('base64'))
    const again = new SafeStorageSecretStore(file, fakeSafeStorage())
    expect(await again.get('profile/Prod/token')).toBe('plain-token-value-42')
    await again.delete('profile/Prod/token')
    expect(await new SafeStorageSecretStore(file, fakeSafeStorage()).get('profile/Prod/token')).toBeUndefined()
    const { stat } = await import('node:fs/promises')
    expect((await stat(file)).mode & 0o777).toBe(0o600)
  })

  it('refuses to store anything without real encryption, and says what to do', async () => {
    const none = new SafeStorageSecretStore(join(dir, 'a.json'), fakeSafeStorage(false))
    await expect(none.set('x', 'secret-value')).rejects.toThrow(/cannot be stored safely.*keyring/)
    const basic = new SafeStorageSecretStore(join(dir, 'b.json'), fakeSafeStorage(true, 'basic_text'))
    await expect(basic.set('x', 'secret-value')).rejects.toThrow(/basic_text/)
  })
})
