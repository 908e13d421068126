import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import type { ImportRecord } from './import-report'
import { rerunCommand, shellQuote } from './rerun-command'
import { terminalText } from './terminal-text'

const record = (over: Partial<ImportRecord>): ImportRecord => ({
  relativePath: 'drop/a.jpg',
  path: '/in/drop/a.jpg',
  outcome: 'failed',
  status: 'uploaded',
  state: 'Failed',
  size: 1,
  ...over,
})

/** What bash reads back from the quoted words. */
const bashArgs = (words: string): string[] =>
  JSON.parse(
    execFileSync('bash', ['-c', `node -e 'console.log(JSON.stringify(process.argv.slice(1)))' -- ${words}`], {
      encoding: 'utf8',
    }),
  ) as string[]

describe('rerunCommand', () => {
  it('adds the options that resolve what is left, with this run’s session', () => {
    const records = [
      record({ outcome: 'conflict', waysOut: ['link', 'change-external-id'] }),
      record({ outcome: 'unreadable', waysOut: ['import-as-file'] }),
      record({ outcome: 'imported' }),
    ]
    expect(rerunCommand({ roots: ['/in/drop'], profile: '/p.json', session: '/s/1' }, records)).toBe(
      'media-import import /in/drop --profile /p.json --session /s/1 --link-conflicts --import-unreadable-as-file',
    )
    expect(
      rerunCommand(
        { roots: ['/in/drop'], profile: '/p.json', session: '/s/1', metadata: '/m.csv', assets: ['/de'], json: true },
        [record({ waysOut: ['resubmit'] })],
      ),
    ).toBe('media-import import /in/drop --profile /p.json --session /s/1 --metadata /m.csv --assets /de --json')
  })

  it.each([
    ['plain', '/in/drop'],
    ['a space and a quote', "/in/Jane's photos"],
    ['control characters', '/in/\u001b[2Jbad\r\nname'],
    ['a bidi override and a backslash', '/in/a\u202eb\\c'],
  ])('quotes %s so the shell reads it back exactly, and the line stays terminal-safe', (_name, path) => {
    const quoted = shellQuote(path)
    expect(terminalText(quoted)).toBe(quoted)
    expect(bashArgs(quoted)).toEqual([path])
  })
})
