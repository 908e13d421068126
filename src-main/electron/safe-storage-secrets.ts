/**
 * The app's SecretStore: values encrypted with Electron's safeStorage (the OS keychain, DPAPI or
 * libsecret/kwallet), kept as base64 ciphertext in one file in the app's data folder. Nothing is
 * stored when encryption is unavailable: a token in plain text on disk is exactly what this
 * avoids. Electron is injected (types only here), so the rules are tested in plain Node.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { SafeStorage } from 'electron'
import type { SecretStore } from '../core/profile/profile-store'

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>

export class SecretStorageUnavailable extends Error {
  constructor(detail: string) {
    super(
      `Secrets cannot be stored safely on this computer (${detail}): the token and keys are kept only when the ` +
        'system keychain is available. On Linux, install and unlock a keyring (GNOME Keyring or KWallet).',
    )
    this.name = 'SecretStorageUnavailable'
  }
}

export class SafeStorageSecretStore implements SecretStore {
  private cache: Record<string, string> | undefined

  constructor(
    private readonly file: string,
    private readonly safe: SafeStorageLike,
  ) {}

  async get(name: string): Promise<string | undefined> {
    const sealed = (await this.load())[name]
    if (sealed === undefined) return undefined
    if (!this.safe.isEncryptionAvailable()) throw new SecretStorageUnavailable('the keychain is locked or missing')
    return this.safe.decryptString(Buffer.from(sealed, 'base64'))
  }

  async set(name: string, value: string): Promise<void> {
    if (!this.safe.isEncryptionAvailable()) throw new SecretStorageUnavailable('no encryption available')
    // Linux without a keyring: Electron falls back to a fixed key, which is no protection.
    if (this.safe.getSelectedStorageBackend?.() === 'basic_text') {
      throw new SecretStorageUnavailable('only the "basic_text" fallback is available')
    }
    const all = { ...(await this.load()), [name]: this.safe.encryptString(value).toString('base64') }
    await this.save(all)
  }

  async delete(name: string): Promise<void> {
    const all = { ...(await this.load()) }
    if (!(name in all)) return
    delete all[name]
    await this.save(all)
  }

  private async load(): Promise<Record<string, string>> {
    if (this.cache) return this.cache
    const text = await readFile(this.file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '{}'
      throw err
    })
    this.cache = JSON.parse(text) as Record<string, string>
    return this.cache
  }

  private async save(all: Record<string, string>): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true })
    const temp = `${this.file}.${process.pid}.tmp`
    const handle = await open(temp, 'w', 0o600)
    try {
      await handle.writeFile(JSON.stringify(all))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, this.file)
    this.cache = all
  }
}
