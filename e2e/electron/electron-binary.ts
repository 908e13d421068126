/**
 * Finds the Electron executable the way node_modules/electron/index.js does, without requiring
 * that module: requiring it starts a download when the binary is missing, and this machine has
 * no internet. Returns null when there is no binary to launch.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ELECTRON_MISSING_REASON =
  "Electron binary not installed on this machine (it cannot be downloaded here); run `npm install && npm run test:e2e` on an editor's machine"

export const ELECTRON_PACKAGE_DIR = resolve(__dirname, '../../node_modules/electron')

export function findElectronBinary(electronDir = ELECTRON_PACKAGE_DIR, env = process.env): string | null {
  const pathFile = join(electronDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  const overrideDist = env['ELECTRON_OVERRIDE_DIST_PATH']
  const candidate = overrideDist
    ? join(overrideDist, relative || 'electron')
    : relative
      ? join(electronDir, 'dist', relative)
      : null
  return candidate !== null && existsSync(candidate) ? candidate : null
}
