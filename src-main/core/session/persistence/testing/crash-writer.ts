/**
 * Test worker: opens a session folder and changes one row as fast as it can, printing each change
 * once it is durable, until it is killed. The test kills it with SIGKILL at a random instant.
 */
import { openSessionFolder } from '../open-session'

async function main(dir: string): Promise<void> {
  const { session } = await openSessionFolder(dir)
  if (!session.getRow('counter')) {
    session.upsertRows([{ rowId: 'counter', path: '/c', relativePath: 'c', size: 0, mtimeMs: 0, status: 'scanned' }])
  }
  for (let i = (session.getRow('counter')?.size ?? 0) + 1; ; i++) {
    session.updateRow('counter', { size: i, identitySuffix: `change ${i}` })
    // Unawaited changes in between: the journal groups them with the next flush.
    session.updateRow('counter', { mtimeMs: i })
    await session.persisted()
    process.stdout.write(`${i}\n`)
  }
}

void main(process.argv[2] ?? '')
