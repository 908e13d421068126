/**
 * `npm run bench`: every benchmark in turn, each against its peers on the same data in its own
 * process, then one summary. Each benchmark's last stdout line is one JSON object with its figures;
 * this prints them together as the final line. Pass names to run a subset: `npm run bench -- upload`.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const all = ['ingest', 'upload', 'submit', 'grid'] as const

function runOne(name: string): Promise<{ name: string; figures?: unknown; error?: string }> {
  const file = join(__dirname, `${name}.ts`)
  if (!existsSync(file)) return Promise.resolve({ name, error: `bench/${name}.ts does not exist` })
  return new Promise((resolve) => {
    let lastLine = ''
    const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'inherit'] })
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk)
      const lines = chunk.toString('utf8').trim().split('\n')
      lastLine = lines[lines.length - 1] ?? lastLine
    })
    child.on('close', (code) => {
      if (code !== 0) return resolve({ name, error: `exited with ${code}` })
      try {
        resolve({ name, figures: JSON.parse(lastLine) })
      } catch {
        resolve({ name, error: 'last line was not JSON' })
      }
    })
  })
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
  const names = wanted.length > 0 ? wanted : [...all]
  const results = []
  for (const name of names) {
    console.log(`\n=== bench:${name} ===`)
    results.push(await runOne(name))
  }
  console.log('\n=== summary ===')
  for (const r of results) console.log(`${r.name}: ${r.error ?? 'ok'}`)
  console.log(JSON.stringify(Object.fromEntries(results.map((r) => [r.name, r.figures ?? { error: r.error }]))))
  if (results.some((r) => r.error)) process.exitCode = 1
}

void main()
