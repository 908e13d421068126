/**
 * A video's poster frame through ffmpeg, where ffmpeg exists on this computer (it is not
 * bundled). Returns PNG bytes of one frame, scaled down, or undefined when ffmpeg is missing
 * or cannot decode the file; the grid then shows an icon with the duration.
 */
import { spawn } from 'node:child_process'
import { constants } from 'node:fs'
import { access } from 'node:fs/promises'
import { delimiter, join } from 'node:path'

const timeoutMs = 20_000
const maxBytes = 16 << 20

export async function findOnPath(command: string): Promise<string | undefined> {
  const names = process.platform === 'win32' ? [`${command}.exe`, command] : [command]
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = join(dir, name)
      if (
        await access(candidate, constants.X_OK).then(
          () => true,
          () => false,
        )
      )
        return candidate
    }
  }
  return undefined
}

export function posterFrame(
  ffmpeg: string,
  path: string,
  atSeconds: number,
  edge: number,
): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const args = [
      '-nostdin',
      '-v',
      'error',
      '-ss',
      atSeconds.toFixed(3),
      '-i',
      path,
      '-frames:v',
      '1',
      '-vf',
      `scale=w=${edge}:h=${edge}:force_original_aspect_ratio=decrease`,
      '-f',
      'image2pipe',
      '-c:v',
      'png',
      'pipe:1',
    ]
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'ignore'] })
    const parts: Buffer[] = []
    let size = 0
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.stdout.on('data', (part: Buffer) => {
      size += part.length
      if (size > maxBytes) child.kill('SIGKILL')
      else parts.push(part)
    })
    child.on('error', () => {
      clearTimeout(timer)
      resolve(undefined)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve(code === 0 && size > 0 && size <= maxBytes ? Buffer.concat(parts) : undefined)
    })
  })
}
