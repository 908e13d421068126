/**
 * The programs each bench measures against (its peers) and the tools it needs, checked when the
 * bench starts, before any tree is generated or server started. `.ci/setup.sh` installs what the
 * tests need; the peers only the benches use (rclone, the AWS CLI) are installed here: as root on
 * Debian with apt-get, a missing Debian package is installed (say so with BENCH_INSTALL_PEERS=0 to
 * be told instead); otherwise the bench stops with the command that installs it.
 *
 *   bench:ingest  exiftool + ffprobe (peers); ffmpeg and exiftool make the generated tree
 *   bench:upload  rclone, Debian's aws (peers; leave them out with --clients ours,ours-probed);
 *                 GNU time (/usr/bin/time) measures every client's CPU and peak RSS
 *   bench:submit  no peer: the emulator's own numbers
 *   bench:grid    Debian's Chromium (the browser measured), plus `npm run build` first
 */
import { execFileSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, isAbsolute, join } from 'node:path'
import { CHROMIUM_PATH } from '../e2e/harness/chromium-args'

export interface Tool {
  /** What the bench runs: a name looked up on PATH, or an absolute path. */
  command: string
  /** The Debian package that provides it. */
  debianPackage: string
}

export const TOOLS = {
  exiftool: { command: 'exiftool', debianPackage: 'libimage-exiftool-perl' },
  ffprobe: { command: 'ffprobe', debianPackage: 'ffmpeg' },
  ffmpeg: { command: 'ffmpeg', debianPackage: 'ffmpeg' },
  convert: { command: '/usr/bin/convert', debianPackage: 'imagemagick' },
  heifEnc: { command: 'heif-enc', debianPackage: 'libheif-examples' },
  rclone: { command: 'rclone', debianPackage: 'rclone' },
  // Debian's packaged CLI by its path: a pip or pyenv `aws` earlier on PATH is another program.
  aws: { command: '/usr/bin/aws', debianPackage: 'awscli' },
  time: { command: '/usr/bin/time', debianPackage: 'time' },
  chromium: { command: CHROMIUM_PATH, debianPackage: 'chromium' },
} satisfies Record<string, Tool>

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Whether `tool` can be run here (its absolute path, or found on PATH). */
export function found(tool: Tool, path = process.env['PATH'] ?? ''): boolean {
  if (isAbsolute(tool.command)) return executable(tool.command)
  return path.split(delimiter).some((dir) => dir !== '' && executable(join(dir, tool.command)))
}

/** The tools of `needed` that are missing, and the apt-get line that installs them. */
export function missingTools(needed: Tool[], isFound: (tool: Tool) => boolean = (t) => found(t)) {
  const missing = needed.filter((tool) => !isFound(tool))
  const packages = [...new Set(missing.map((tool) => tool.debianPackage))]
  return { missing, packages, install: `apt-get install -y --no-install-recommends ${packages.join(' ')}` }
}

function canInstall(): boolean {
  return process.getuid?.() === 0 && executable('/usr/bin/apt-get') && process.env['BENCH_INSTALL_PEERS'] !== '0'
}

/**
 * Makes sure every tool of `needed` is there before `bench` starts: installs the missing Debian
 * packages when it can, or throws an error that names them and the command to run.
 */
export function ensureTools(bench: string, needed: Tool[], hint = ''): void {
  const before = missingTools(needed)
  if (before.missing.length === 0) return
  const names = before.missing.map((tool) => tool.command).join(', ')
  if (canInstall()) {
    console.log(`${bench} needs ${names}: installing Debian packages ${before.packages.join(' ')}`)
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...before.packages], {
      stdio: 'inherit',
      env,
    })
    if (missingTools(needed).missing.length === 0) return
  }
  throw new Error(
    `${bench} cannot start: ${names} ${before.missing.length === 1 ? 'is' : 'are'} not installed. ` +
      `On Debian or Ubuntu run \`sudo ${before.install}\` and start it again${hint ? `, ${hint}` : ''}.`,
  )
}
