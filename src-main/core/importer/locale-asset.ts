/** A per-locale asset file, probed like any dropped file before it may replace a row's asset in one language. */
import { stat } from 'node:fs/promises'
import type { Prober } from '../probe/prober'
import type { LocaleAsset } from '../model/row'

export async function probeLocaleAsset(prober: Prober, path: string): Promise<LocaleAsset> {
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new Error(`${path}: ${err.code === 'ENOENT' ? 'not found' : `cannot be read (${err.code ?? String(err)})`}`)
  })
  if (!info.isFile()) throw new Error(`${path}: not a file`)
  const probe = await prober.probe({ path, size: info.size })
  if (probe.error) throw new Error(`${path}: ${probe.error.message}`)
  if (!probe.kind || !probe.mimeType || !probe.extension) throw new Error(`${path}: the file's type is not known`)
  return {
    path,
    size: probe.size,
    mtimeMs: info.mtimeMs,
    kind: probe.kind,
    mimeType: probe.mimeType,
    extension: probe.extension,
    ...(probe.sha256 ? { sha256: probe.sha256 } : {}),
    ...(probe.width !== undefined ? { width: probe.width } : {}),
    ...(probe.height !== undefined ? { height: probe.height } : {}),
    ...(probe.duration !== undefined ? { duration: probe.duration } : {}),
  }
}
