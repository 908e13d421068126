/**
 * Test helper: finds secrets in every file under some folders, in the spellings a leak takes:
 * as is, URL-encoded, JSON-escaped, hex, UTF-16, and base64 (standard and URL-safe) at each of the
 * three byte alignments it can have inside a longer encoded value (a Basic header, a token pair).
 * Written apart from the app's redaction code on purpose, so a gap there is not copied here.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'

export interface SecretHit {
  file: string
  secret: string
  spelling: string
}

/** The part of base64(prefix + secret) that depends only on the secret's own bytes. */
function base64Cores(secret: string): string[] {
  const cores: string[] = []
  for (const prefix of ['', 'a', 'ab']) {
    const encoded = Buffer.from(prefix + secret, 'utf8')
      .toString('base64')
      .replace(/=+$/, '')
    // Drop the characters shared with the prefix and the last two, which depend on what follows.
    const core = encoded.slice(prefix === '' ? 0 : prefix.length + 1, -2)
    cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return cores
}

export function leakSpellings(secret: string): { name: string; bytes: Buffer }[] {
  const text = (name: string, value: string) => ({ name, bytes: Buffer.from(value, 'utf8') })
  return [
    text('raw', secret),
    text('url-encoded', encodeURIComponent(secret)),
    text('json-escaped', JSON.stringify(secret).slice(1, -1)),
    text('hex', Buffer.from(secret).toString('hex')),
    { name: 'utf16le', bytes: Buffer.from(secret, 'utf16le') },
    ...base64Cores(secret).map((core, i) => text(`base64#${i}`, core)),
  ]
}

export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

/** Every place a secret appears, in any spelling, in any file under `dirs`. */
export async function findSecrets(dirs: readonly string[], secrets: readonly string[]): Promise<SecretHit[]> {
  const hits: SecretHit[] = []
  const spellings = secrets.flatMap((secret) => leakSpellings(secret).map((s) => ({ secret, ...s })))
  for (const dir of dirs) {
    for (const file of await filesUnder(dir)) {
      const bytes = await readFile(file)
      for (const { secret, name, bytes: needle } of spellings) {
        // Short spellings would match by chance in binary data; no real secret is this short.
        if (needle.length >= 6 && bytes.includes(needle)) {
          hits.push({ file: relative(dir, file) || file, secret, spelling: name })
        }
      }
    }
  }
  return hits
}
