import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFileLogger, Logger } from './logger'
import { REDACTED, Redactor } from './redactor'

function memoryLogger(redactor = new Redactor(), minLevel: 'debug' | 'info' = 'info') {
  const lines: string[] = []
  const logger = Logger.create({
    sinks: [{ write: (line) => lines.push(line) }],
    redactor,
    minLevel,
    now: () => new Date('2026-01-31T10:00:00.000Z'),
  })
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) }
}

describe('Logger', () => {
  it('writes one JSON object per line with time, level, event, context and fields', () => {
    const { logger, records } = memoryLogger()
    logger.child({ session: 's1' }).info('upload.done', { rowId: 'r1', bytes: 10 })
    expect(records()).toEqual([
      { session: 's1', rowId: 'r1', bytes: 10, t: '2026-01-31T10:00:00.000Z', level: 'info', event: 'upload.done' },
    ])
  })

  it('drops records below the minimum level', () => {
    const { logger, lines } = memoryLogger()
    logger.debug('noise')
    logger.warn('kept')
    expect(lines).toHaveLength(1)
  })

  it('redacts registered values and secret fields before writing, also in errors', () => {
    const redactor = new Redactor()
    redactor.addSecret('tok-9f8e7d6c5b4a')
    const { logger, lines } = memoryLogger(redactor)
    logger.error('submit.failed', {
      error: new Error('401 for Bearer tok-9f8e7d6c5b4a'),
      headers: { authorization: 'anything' },
      url: 'http://x/?token=tok-9f8e7d6c5b4a',
    })
    expect(lines.join('\n')).not.toContain('tok-9f8e7d6c5b4a')
    expect(lines.join('\n')).toContain(REDACTED)
    expect(lines.join('\n')).not.toContain('anything')
  })

  it('does not let a field overwrite the level or event', () => {
    const { logger, records } = memoryLogger()
    logger.info('real', { level: 'error', event: 'fake' })
    expect(records()[0]).toMatchObject({ level: 'info', event: 'real' })
  })

  it('writes nothing when silent', () => {
    expect(() => Logger.silent().error('x')).not.toThrow()
  })
})

describe('createFileLogger', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'file-logger-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('writes redacted NDJSON to the day file', async () => {
    const now = new Date(2026, 0, 31, 12)
    const log = createFileLogger({ dir, now: () => now, secrets: ['s3-secret-key-xyz', undefined] })
    log.logger.info('start', { note: 'key s3-secret-key-xyz' })
    log.redactor.addSecret('later-token-123')
    log.logger.info('later', { note: 'later-token-123' })
    log.close()
    const text = await readFile(join(dir, 'media-import-2026-01-31.ndjson'), 'utf8')
    expect(text.trim().split('\n')).toHaveLength(2)
    expect(text).not.toMatch(/s3-secret-key-xyz|later-token-123/)
  })
})
