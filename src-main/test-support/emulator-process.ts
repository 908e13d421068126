/**
 * The Livingdocs emulator in a process of its own, for benches: its CPU stays out of the
 * client's figures. Talks over the fork IPC channel:
 *   -> { type: 'ready', url, token }          once listening
 *   <- { type: 'stats' }  -> { type: 'stats', cpuMicros, entries, uniqueIds, posts }
 *   <- { type: 'faults', faults: Fault[] }    queues faults
 *   <- { type: 'close' }                      closes and exits
 * Usage: fork('emulator-process.ts', [dataDir], { execArgv: ['--import', 'tsx'] })
 */
import { startEmulator } from '../core/sandbox/emulator'
import type { Fault } from '../core/sandbox/emulator'

type Message = { type: 'stats' } | { type: 'faults'; faults: Fault[] } | { type: 'close' }

async function main(): Promise<void> {
  const dataDir = process.argv[2]
  if (!dataDir || !process.send) throw new Error('fork me with a data folder: emulator-process.ts <dataDir>')
  const emulator = await startEmulator({ dataDir })
  const send = (message: unknown): void => {
    process.send?.(message)
  }
  process.on('message', (message: Message) => {
    if (message.type === 'stats') {
      const usage = process.cpuUsage()
      const entries = emulator.entries()
      send({
        type: 'stats',
        cpuMicros: usage.user + usage.system,
        entries: entries.length,
        uniqueIds: new Set(entries.map((e) => e.id)).size,
        posts: emulator.requests.count('POST import/mediaLibrary'),
      })
    } else if (message.type === 'faults') {
      emulator.faults.push(...message.faults)
    } else {
      emulator.close().then(
        () => process.exit(0),
        () => process.exit(1),
      )
    }
  })
  send({ type: 'ready', url: emulator.url, token: emulator.token })
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
