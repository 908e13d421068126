/**
 * Where the CPU goes in one ingest bench drop, on every thread: runs bench/ingest-child.ts under
 * `perf record` (CPU-clock samples with call stacks; node's --perf-basic-prof names the JIT'd
 * JavaScript) and prints the samples by category: module load/compile, JavaScript optimizing
 * (TurboFan, on V8's worker threads), MediaInfo's WebAssembly (its tier-up compile, and its
 * run), GC, hashing, reading, file-type, exifr, sharp, our readers, ...
 *
 * perf, not `node --cpu-prof`: V8's profiler samples the main thread by wall time, so on a
 * shared machine it charges whatever the thread was doing when the OS took the core away (the
 * fs bindings, mostly) and never sees the background compiles and GC. Module loading before
 * the timed part is included; the child's own line (timed part only) is printed first.
 *
 *   npx tsx bench/ingest-profile.ts [bench/.data/mixed-5000]
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** Checked on the whole stack first: work done on behalf of something else (compiles, GC). */
const wholeStack: [string, RegExp][] = [
  ['MediaInfo WASM compile (tier-up)', /wasm::[A-Za-z:]*Compil|BackgroundCompileJob|GenerateCodeForWasm/],
  ['JavaScript optimizing (TurboFan)', /OptimizingCompileDispatcher|PipelineCompilationJob|OptimizedCompilationJob/],
  ['GC', /Heap::|Scavenge|MarkCompact|ConcurrentMarking|Sweeper|MinorMC/],
]
/** Then from the sampled frame outwards: the first frame that names a category. */
const byFrame: [string, RegExp][] = [
  ['MediaInfo WASM run', /wasm-function|mediainfo\.js/],
  ['hashing', /sha256|EVP_Digest|Hash::/],
  ['sharp/libvips/libheif', /vips|sharp|heif|de265|png_|jpeg_|libglib|libgobject|libexpat/],
  ['file-type', /file-type\/|strtok3|token-types|peek-readable|text-codec/],
  ['exifr', /node_modules\/exifr/],
  ['module load/compile', /internal\/modules|node_modules\/(tsx|esbuild)|Compiler::Compile|Parser::|BytecodeGenerator/],
  ['our readers', /core\/probe\/(metadata|video|image|detect)\//],
  ['reading (read-and-hash, fs)', /read-and-hash|node:fs|internal\/fs|__x64_sys_(openat|pread64|read|close|statx)/],
  ['probe plumbing', /core\/probe\/[^/ ]+\.ts/],
  ['session/pipeline/scan', /core\/(pipeline|session|scan|model|prefill|concurrency)\//],
  ['thread hand-offs (futex, epoll)', /futex|epoll|uv__io_poll|uv_async/],
  ['malloc/free', /malloc|_int_free|cfree/],
]

function categoryOf(stack: string[]): string {
  const whole = stack.join(' | ')
  for (const [name, test] of wholeStack) if (test.test(whole)) return name
  for (const frame of stack) for (const [name, test] of byFrame) if (test.test(frame)) return name
  return 'other (V8 runtime, builtins, node internals)'
}

function main(): void {
  const dir = resolve(process.argv[2] ?? join(__dirname, '.data', 'mixed-5000'))
  const out = mkdtempSync(join(tmpdir(), 'ingest-profile-'))
  const data = join(out, 'perf.data')
  // node --perf-basic-prof writes /tmp/perf-<pid>.map; only the one our child wrote is removed.
  const maps = (): string[] => readdirSync('/tmp').filter((f) => /^perf-\d+\.map$/.test(f))
  const before = new Set(maps())
  try {
    const child = spawnSync(
      'perf',
      ['record', '-e', 'cpu-clock', '-F', '999', '-g', '-o', data, '--', process.execPath, '--perf-basic-prof'].concat([
        '--require',
        'tsx/cjs',
        join(__dirname, 'ingest-child.ts'),
        dir,
      ]),
      { encoding: 'utf8', cwd: resolve(__dirname, '..'), maxBuffer: 64 << 20 },
    )
    if (child.error || child.status !== 0)
      throw new Error(`perf record failed (is perf installed?): ${child.error?.message ?? child.stderr}`)
    const line = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>
    console.log(
      `timed part: ${line.seconds?.toFixed(2)} s wall, ${line.cpuSeconds?.toFixed(2)} s CPU (all threads), ${line.mainCpuSeconds?.toFixed(2)} s on the main thread`,
    )
    const script = spawnSync('perf', ['script', '-i', data, '-F', 'tid,ip,sym,dso'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    })
    const counts = new Map<string, number>()
    let total = 0
    for (const sample of script.stdout.split('\n\n')) {
      const frames = sample
        .split('\n')
        .slice(1)
        .map((f) => f.trim())
        .filter(Boolean)
      if (frames.length === 0) continue
      const category = categoryOf(frames)
      counts.set(category, (counts.get(category) ?? 0) + 1)
      total++
    }
    console.log(`${total} samples at 999 Hz (≈ ${(total / 999).toFixed(2)} s CPU, whole process, all threads):`)
    for (const [category, n] of [...counts].sort((a, b) => b[1] - a[1]))
      console.log(
        `  ${((100 * n) / total).toFixed(1).padStart(5)} %  ${(n / 0.999).toFixed(0).padStart(5)} ms  ${category}`,
      )
  } finally {
    rmSync(out, { recursive: true, force: true })
    for (const map of maps()) if (!before.has(map)) rmSync(join('/tmp', map), { force: true })
  }
}

main()
