/**
 * Where the ingest bench's time goes, format by format: one Prober probes each top folder of a
 * mixed tree (photos, heic, video, pdf, office, png, damaged) in turn, and videos once more by
 * container, printing wall and CPU milliseconds (all threads) per file. A dozen files of each
 * folder are probed first, so loading file-type, sharp and MediaInfo's WASM is reported on its
 * own line and not charged to the first format that needs it.
 *
 *   npx tsx bench/ingest-kinds.ts [bench/.data/mixed-5000]
 *
 * (Build the tree with `npm run bench:ingest -- --files 5000 --rss-files 0` first.)
 */
import { stat } from 'node:fs/promises'
import { basename, extname, join, resolve } from 'node:path'
import { Prober } from '../src-main/core/probe/prober'
import { listMedia } from './ingest-tree'

interface Sized {
  path: string
  size: number
}

async function timed(prober: Prober, files: readonly Sized[]): Promise<{ wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage()
  const started = performance.now()
  await Promise.all(files.map((file) => prober.probe(file)))
  const used = process.cpuUsage(cpu)
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 }
}

const perFile = (ms: number, n: number): string => (n === 0 ? '-' : (ms / n).toFixed(2))

function line(name: string, files: readonly Sized[], t: { wallMs: number; cpuMs: number }): string {
  return `${name.padEnd(10)} ${String(files.length).padStart(6)} files  wall ${t.wallMs.toFixed(0).padStart(6)} ms  CPU ${t.cpuMs.toFixed(0).padStart(6)} ms  (${perFile(t.cpuMs, files.length)} ms CPU per file)`
}

async function main(): Promise<void> {
  const root = resolve(process.argv[2] ?? join(__dirname, '.data', 'mixed-5000'))
  const prober = new Prober()
  const kinds = ['photos', 'heic', 'video', 'pdf', 'office', 'png', 'damaged']
  const lists = await Promise.all(
    kinds.map(async (kind) => {
      const paths = await listMedia(join(root, kind)).catch(() => [])
      return Promise.all(paths.map(async (path) => ({ path, size: (await stat(path)).size })))
    }),
  )
  const warmUp = lists.flatMap((files) => files.slice(0, 12))
  console.log(line('loading', warmUp, await timed(prober, warmUp)))
  for (const [i, kind] of kinds.entries()) {
    const files = lists[i] ?? []
    console.log(line(kind, files, await timed(prober, files)))
  }
  const byContainer = new Map<string, Sized[]>()
  for (const file of lists[kinds.indexOf('video')] ?? []) {
    const ext = extname(basename(file.path)).slice(1)
    byContainer.set(ext, [...(byContainer.get(ext) ?? []), file])
  }
  for (const [ext, files] of byContainer) console.log(line(`  .${ext}`, files, await timed(prober, files)))
  await prober.close()
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exitCode = 1
})
