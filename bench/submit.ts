/**
 * Submit bench: 10,000 entries (images, videos, files; metadata, fr/de translations,
 * externalIds) through the importer's whole path — project config, client validation, entry
 * building, batched submit — against the Livingdocs emulator in its own process. Prints
 * entries/s and the client's share of the CPU both processes spent while submitting; the last
 * line is one JSON object with the figures.
 *
 *   npm run bench:submit -- [--entries 10000] [--batch 100] [--concurrency 2] [--faults 0]
 *
 * `--faults n` queues n mixed faults (5xx, 429, stored-then-500, malformed, dropped socket).
 * Every run is verified: the emulator must hold exactly one entry per row.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { submitEntries } from '../src-main/core/importer/submit'
import { LivingdocsClient } from '../src-main/core/livingdocs/client'
import { buildImportEntry } from '../src-main/core/livingdocs/entry-builder'
import { findMediaType } from '../src-shared/project/project-model'
import type { ProjectModel } from '../src-main/core/model/livingdocs'
import type { Fault } from '../src-main/core/sandbox/emulator'
import type { MediaKind } from '../src-main/core/model/row'
import type { ValidationInput } from '../src-main/core/validation/validate-entry'
import { validateRows } from '../src-main/core/validation/validate-rows'

const root = resolve(__dirname, '..')

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`)
  return value
}

interface Stats {
  type: 'stats'
  cpuMicros: number
  entries: number
  uniqueIds: number
  posts: number
}

function startEmulatorProcess(dataDir: string): Promise<{ child: ChildProcess; url: string; token: string }> {
  const child = fork(join(root, 'src-main/test-support/emulator-process.ts'), [dataDir], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  return new Promise((done, fail) => {
    child.once('message', (m: { type: string; url: string; token: string }) =>
      done({ child, url: m.url, token: m.token }),
    )
    child.once('exit', (code) => fail(new Error(`the emulator exited early (${code})`)))
  })
}

function ask(child: ChildProcess): Promise<Stats> {
  return new Promise((done) => {
    child.once('message', (m: Stats) => done(m))
    child.send({ type: 'stats' })
  })
}

const KINDS: MediaKind[] = ['image', 'image', 'image', 'video', 'file']
const EXT: Record<MediaKind, string> = { image: 'jpg', video: 'mp4', file: 'pdf' }
const MIME: Record<MediaKind, string> = { image: 'image/jpeg', video: 'video/mp4', file: 'application/pdf' }

function makeRows(count: number): ValidationInput[] {
  const caption = 'A newsroom caption that describes what the picture shows, who took it and when. '.repeat(2)
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % KINDS.length] ?? 'file'
    const key = `2026/11/26/${i.toString(36).padStart(6, '0')}-bench.${EXT[kind]}`
    const metadata: Record<string, unknown> =
      kind === 'file'
        ? { title: `Document ${i}: annual report`, description: caption }
        : { title: `Picture ${i}: the city council meets`, caption, credit: 'Staff photographer' }
    return {
      rowId: `r${i}`,
      kind,
      entry: {
        id: `bench-${i}`,
        mediaType: kind,
        externalId: `archive-${i}`,
        metadata,
        translations: {
          fr: { metadata: { title: `Image ${i} : le conseil municipal se réunit` } },
          de: { metadata: { title: `Bild ${i}: Der Stadtrat tagt` } },
        },
      },
      asset: {
        key,
        url: `http://127.0.0.1:9000/media/${key}`,
        size: 100_000 + i,
        width: 3000,
        height: 2000,
        duration: 12.5,
        mimeType: MIME[kind],
        filename: `bench-${i}.${EXT[kind]}`,
      },
    }
  })
}

function mixedFaults(n: number): Fault[] {
  const kinds: Fault[] = [
    { status: 503 },
    { status: 429, retryAfterSeconds: 1 },
    { storeThenFail: 500 },
    { malformedJson: true },
    { destroySocket: true },
    { status: 500 },
  ]
  return Array.from({ length: n }, (_, i) => kinds[i % kinds.length] as Fault)
}

function build(model: ProjectModel, rows: ValidationInput[]) {
  return rows.map((row) => {
    const type = findMediaType(model, row.entry.mediaType)
    if (!type) throw new Error(`no media type ${row.entry.mediaType}`)
    return buildImportEntry(row, type.kind, 'bench')
  })
}

async function main(): Promise<void> {
  const count = arg('entries', 10_000)
  const batchSize = arg('batch', 100)
  const concurrency = arg('concurrency', 2)
  const faults = arg('faults', 0)
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-submit-'))
  const { child, url, token } = await startEmulatorProcess(dataDir)
  try {
    const client = new LivingdocsClient({ url, token, apiVersion: 'auto' })
    const model = await client.getProjectModel()
    const rows = makeRows(count)

    const prepStarted = performance.now()
    const issues = validateRows(model, rows, { defaultSystemName: 'bench' })
    const invalid = [...issues.values()].filter((list) => list.length > 0).length
    if (invalid > 0) throw new Error(`${invalid} rows failed client validation`)
    const entries = build(model, rows)
    const prepMs = performance.now() - prepStarted

    if (faults > 0) child.send({ type: 'faults', faults: mixedFaults(faults) })
    const serverBefore = await ask(child)
    const clientBefore = process.cpuUsage()
    const started = performance.now()
    const summary = await submitEntries({ api: client, entries, batchSize, concurrency })
    const seconds = (performance.now() - started) / 1000
    const clientCpu = process.cpuUsage(clientBefore)
    const serverAfter = await ask(child)

    const imported = [...summary.outcomes.values()].filter((o) => o.status === 'imported').length
    const clientCpuS = (clientCpu.user + clientCpu.system) / 1e6
    const serverCpuS = (serverAfter.cpuMicros - serverBefore.cpuMicros) / 1e6
    const exactlyOnce = serverAfter.entries === count && serverAfter.uniqueIds === count && imported === count
    const result = {
      bench: 'submit',
      entries: count,
      batchSize,
      concurrency,
      faults,
      apiVersion: client.apiVersion,
      seconds: Number(seconds.toFixed(3)),
      entriesPerSecond: Math.round(count / seconds),
      validateAndBuildMs: Math.round(prepMs),
      clientCpuSeconds: Number(clientCpuS.toFixed(3)),
      emulatorCpuSeconds: Number(serverCpuS.toFixed(3)),
      clientCpuShare: Number((clientCpuS / (clientCpuS + serverCpuS)).toFixed(3)),
      requests: summary.requests,
      retries: summary.retries,
      lookups: summary.lookups,
      posts: serverAfter.posts - serverBefore.posts,
      imported,
      storedEntries: serverAfter.entries,
      exactlyOnce,
    }
    console.log(
      `submit: ${count} entries in ${result.seconds} s = ${result.entriesPerSecond} entries/s (batch ${batchSize}, ${concurrency} in flight, API ${client.apiVersion})`,
    )
    console.log(`client validation + building: ${result.validateAndBuildMs} ms for ${count} rows`)
    console.log(
      `CPU while submitting: client ${result.clientCpuSeconds} s, emulator ${result.emulatorCpuSeconds} s -> client share ${(result.clientCpuShare * 100).toFixed(1)} %`,
    )
    console.log(
      `requests ${result.requests} (retries ${result.retries}, lookups ${result.lookups}); emulator holds ${serverAfter.entries} entries, ${serverAfter.uniqueIds} distinct: ${exactlyOnce ? 'exactly once' : 'MISMATCH'}`,
    )
    console.log(JSON.stringify(result))
    if (!exactlyOnce) process.exitCode = 1
  } finally {
    child.send({ type: 'close' })
    await new Promise((done) => child.once('exit', done))
    await rm(dataDir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
  process.exit(1)
})
