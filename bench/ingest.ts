/**
 * Ingest bench: our scan+probe against `exiftool -json -r -n -fast` over the same tree, in the
 * same run. Prints each figure beside its target (wall time ≥ 10x exiftool's, CPU time ≥ 5x,
 * first row ≤ 300 ms, peak RSS ≤ 300 MB at 20,000 files); the last line is one JSON object.
 *
 *   npm run bench:ingest -- [--dir <tree>] [--files 5000] [--rss-files 20000] [--rounds 1] [--concurrency 8]
 *
 * Without --dir a mixed tree (bench/ingest-mixed.ts: photos with full metadata, phone HEICs,
 * videos in eleven containers, PDFs, office files, PNGs, a few damaged files) of --files files
 * is built under bench/.data; --rss-files builds a second, larger one on which only our peak
 * RSS is measured (0 skips it). Every file is read once before timing, so both tools start from
 * a warm page cache. Ours runs in a fresh process per round (module loading excluded, MediaInfo's
 * WASM compile included); exiftool's time includes its start-up, as a user running it would see.
 * Figures are medians over the rounds. CPU seconds (ours: the whole process, all threads; the
 * peers' through GNU time) are printed too: on a shared machine they vary less than wall time.
 * The machine's load is watched during the rounds (bench/machine-load.ts): when processes other
 * than the two tools took more than a quarter of the cores, the wall-time verdict is not given,
 * and the bench says the machine was too loaded to judge.
 * Start-up (bench/ingest-startup.ts): `media-import scan --json` of one photo, first record out.
 */
import { spawn } from 'node:child_process'
import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { ensureMixedTree } from './ingest-mixed'
import { measureStartup } from './ingest-startup'
import { listMedia, warmCache } from './ingest-tree'
import { loadNote, watchLoad } from './machine-load'
import { ensureTools, TOOLS } from './peers'

const root = resolve(__dirname, '..')

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
function count(name: string, fallback: number): number {
  const value = Number(option(name) ?? fallback)
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`)
  return value
}

function run(
  command: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((done, fail) => {
    const started = performance.now()
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr, ms: performance.now() - started }))
  })
}

interface Ours {
  state: string
  files: number
  probed: number
  images: number
  videos: number
  imagesWithTitle: number
  errors: string[]
  seconds: number
  cpuSeconds: number
  firstRowMs: number
  peakRssMb: number
}

async function runOurs(dir: string, concurrency: number): Promise<Ours> {
  const child = await run(process.execPath, [
    '--require',
    'tsx/cjs',
    join(__dirname, 'ingest-child.ts'),
    dir,
    String(concurrency),
  ])
  if (child.code !== 0) throw new Error(`our scan failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Ours
}

const gnuTime = '/usr/bin/time'

/** Runs a peer command, under GNU time when present so its CPU seconds are known too. */
async function runTimed(
  command: string,
  args: string[],
): Promise<{ stdout: string; code: number | null; cpu?: number }> {
  const timed = await stat(gnuTime).then(
    () => true,
    () => false,
  )
  const result = timed ? await run(gnuTime, ['-f', 'cpu %U %S', command, ...args]) : await run(command, args)
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr)
  return { stdout: result.stdout, code: result.code, cpu: m ? Number(m[1]) + Number(m[2]) : undefined }
}

/** exiftool as the issue measures it: one recursive run over the tree, videos included. */
async function runPeer(dir: string): Promise<{ seconds: number; files: number; cpuSeconds?: number }> {
  const started = performance.now()
  const exif = await runTimed('exiftool', ['-json', '-r', '-n', '-fast', dir])
  const listed = (JSON.parse(exif.stdout || '[]') as unknown[]).length
  return { seconds: (performance.now() - started) / 1000, files: listed, cpuSeconds: exif.cpu }
}

const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met')

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

async function main(): Promise<void> {
  const rounds = Math.max(1, count('rounds', 1))
  const concurrency = Math.max(1, count('concurrency', 8))
  const given = option('dir')
  // The peer, and (for a generated tree) what writes its media, before anything else runs.
  // GNU time gives exiftool's CPU seconds, the figure that a busy machine disturbs least.
  ensureTools('bench:ingest', [
    TOOLS.exiftool,
    TOOLS.time,
    ...(given ? [] : [TOOLS.ffmpeg, TOOLS.convert, TOOLS.heifEnc]),
  ])
  const files = count('files', 5000)
  const rssFiles = count('rss-files', 20000)
  const dir = given
    ? resolve(given)
    : await ensureMixedTree(join(root, 'bench/.data', `mixed-${files}`), files, console.log)
  const media = await listMedia(dir)
  const videos = media.filter((f) => /\.(mp4|mov|webm|mkv|avi|3gp|mts|m2ts|mpg|flv|wmv|ogv)$/i.test(f))
  const bytes = await warmCache(media)
  console.log(
    `tree: ${dir}: ${media.length} files (${videos.length} videos), ${(bytes / 1e6).toFixed(1)} MB; ${rounds} rounds`,
  )

  const ours: Ours[] = []
  const peers: { seconds: number; files: number; cpuSeconds?: number }[] = []
  const load = watchLoad()
  for (let r = 1; r <= rounds; r++) {
    const o = await runOurs(dir, concurrency)
    if (o.state !== 'done' || o.files !== media.length || o.probed + o.errors.length !== media.length) {
      throw new Error(`our scan is incomplete: ${JSON.stringify(o).slice(0, 2000)}`)
    }
    const p = await runPeer(dir)
    ours.push(o)
    peers.push(p)
    console.log(
      `round ${r}: ours ${(media.length / o.seconds).toFixed(0)} files/s (${o.seconds.toFixed(2)} s, ${o.cpuSeconds.toFixed(2)} s CPU, first row ${o.firstRowMs.toFixed(0)} ms, ` +
        `peak RSS ${o.peakRssMb.toFixed(0)} MB, ${o.errors.length} flagged); exiftool ${(media.length / p.seconds).toFixed(0)} files/s (${p.seconds.toFixed(2)} s, ${p.cpuSeconds?.toFixed(2) ?? '?'} s CPU)`,
    )
  }
  // The tools' own CPU over the rounds: the rest of the machine's busy time is other processes'.
  const peersCpu = peers.every((p) => p.cpuSeconds !== undefined)
    ? peers.reduce((sum, p) => sum + (p.cpuSeconds ?? 0), 0)
    : undefined
  const machine = load.stop(
    peersCpu === undefined ? undefined : peersCpu + ours.reduce((sum, o) => sum + o.cpuSeconds, 0),
  )
  const onePhoto = media.find((f) => /\.jpe?g$/i.test(f))
  const startup = onePhoto ? await measureStartup(onePhoto) : undefined
  let rssAtScale: { files: number; peakRssMb: number; seconds: number } | undefined
  if (!given && rssFiles > 0) {
    const big = await ensureMixedTree(join(root, 'bench/.data', `mixed-${rssFiles}`), rssFiles, console.log)
    const o = await runOurs(big, concurrency)
    rssAtScale = { files: o.files, peakRssMb: o.peakRssMb, seconds: o.seconds }
  }
  const oursSeconds = median(ours.map((o) => o.seconds))
  const peerSeconds = median(peers.map((p) => p.seconds))
  const oursCpu = median(ours.map((o) => o.cpuSeconds))
  const peerCpus = peers.map((p) => p.cpuSeconds).filter((c): c is number => c !== undefined)
  const peerCpu = peerCpus.length === peers.length ? median(peerCpus) : undefined
  const firstRowMs = Math.round(median(ours.map((o) => o.firstRowMs)))
  const summary = {
    bench: 'ingest',
    files: media.length,
    videos: videos.length,
    rounds,
    concurrency,
    ours: {
      seconds: Number(oursSeconds.toFixed(3)),
      cpuSeconds: Number(oursCpu.toFixed(3)),
      filesPerSec: Math.round(media.length / oursSeconds),
      firstRowMs,
      peakRssMb: Math.round(Math.max(...ours.map((o) => o.peakRssMb))),
      imagesWithTitle: ours[0]?.imagesWithTitle,
      flagged: ours[0]?.errors.length,
    },
    exiftool: {
      seconds: Number(peerSeconds.toFixed(3)),
      cpuSeconds: peerCpu === undefined ? null : Number(peerCpu.toFixed(3)),
      filesPerSec: Math.round(media.length / peerSeconds),
      listed: peers[0]?.files,
    },
    ratio: Number((peerSeconds / oursSeconds).toFixed(2)),
    /** The same comparison in CPU seconds: less sensitive to a busy machine than wall time. */
    cpuRatio: peerCpu === undefined ? null : Number((peerCpu / oursCpu).toFixed(2)),
    startup: startup && { scanOneMs: startup.oursMs, exiftoolOneMs: startup.exiftoolMs },
    rssAtScale: rssAtScale && { files: rssAtScale.files, peakRssMb: Math.round(rssAtScale.peakRssMb) },
    machine: {
      cpus: machine.cores,
      loadavg1: machine.median,
      loadavg1Max: machine.max,
      tooLoaded: machine.tooLoaded,
      othersShare: machine.othersShare ?? null,
      node: process.version,
    },
  }
  console.log(loadNote(machine))
  const wallVerdict = machine.tooLoaded ? 'not judged (machine too loaded)' : verdict(summary.ratio >= 10)
  console.log(`wall time: ${summary.ratio}x exiftool's (target >= 10x): ${wallVerdict}`)
  if (summary.cpuRatio !== null)
    console.log(
      `CPU time: ours ${oursCpu.toFixed(2)} s, exiftool ${peerCpu?.toFixed(2)} s, ${summary.cpuRatio}x (target >= 5x): ${verdict(summary.cpuRatio >= 5)}`,
    )
  console.log(`first row out: ${firstRowMs} ms (target <= 300 ms): ${verdict(firstRowMs <= 300)}`)
  if (rssAtScale)
    console.log(
      `peak RSS at ${rssAtScale.files} files: ${rssAtScale.peakRssMb.toFixed(0)} MB (target <= 300 MB): ${verdict(rssAtScale.peakRssMb <= 300)}`,
    )
  console.log(`peak RSS at ${media.length} files: ${summary.ours.peakRssMb} MB`)
  if (startup)
    console.log(
      `start-up: \`media-import scan --json one.jpg\` printed its record after ${startup.oursMs} ms; exiftool -json on the same file took ${startup.exiftoolMs} ms (medians of 5)`,
    )
  console.log(JSON.stringify(summary))
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exitCode = 1
})
