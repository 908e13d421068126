/**
 * Structured logging: one JSON object per line (`{"t","level","event",…fields}`), every record
 * passed through the Redactor before it is serialised and the finished line passed through it
 * again, so nothing reaches a sink that the redaction layer has not seen.
 */
import { DailyLog, type DailyLogOptions } from './daily-log'
import { Redactor } from './redactor'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Readonly<Record<string, unknown>>

export interface LogSink {
  write(line: string): void
}

const levelRank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

interface LoggerCore {
  sinks: readonly LogSink[]
  redactor: Redactor
  minLevel: LogLevel
  now: () => Date
}

export class Logger {
  private constructor(
    private readonly core: LoggerCore,
    private readonly context: LogFields,
  ) {}

  static create(options: {
    sinks: readonly LogSink[]
    redactor?: Redactor
    minLevel?: LogLevel
    now?: () => Date
    context?: LogFields
  }): Logger {
    return new Logger(
      {
        sinks: options.sinks,
        redactor: options.redactor ?? new Redactor(),
        minLevel: options.minLevel ?? 'info',
        now: options.now ?? (() => new Date()),
      },
      options.context ?? {},
    )
  }

  /** Writes nowhere: for code paths and tests that need a logger but no file. */
  static silent(): Logger {
    return Logger.create({ sinks: [] })
  }

  get redactor(): Redactor {
    return this.core.redactor
  }

  /** A logger whose records all carry `context` (e.g. the session folder). */
  child(context: LogFields): Logger {
    return new Logger(this.core, { ...this.context, ...context })
  }

  debug(event: string, fields?: LogFields): void {
    this.log('debug', event, fields)
  }
  info(event: string, fields?: LogFields): void {
    this.log('info', event, fields)
  }
  warn(event: string, fields?: LogFields): void {
    this.log('warn', event, fields)
  }
  error(event: string, fields?: LogFields): void {
    this.log('error', event, fields)
  }

  log(level: LogLevel, event: string, fields: LogFields = {}): void {
    const { sinks, redactor, minLevel, now } = this.core
    if (sinks.length === 0 || levelRank[level] < levelRank[minLevel]) return
    // Fields may not overwrite the frame: a field named `level` must not fake an error line.
    const record = { ...this.context, ...fields, t: now().toISOString(), level, event }
    let line: string
    try {
      line = redactor.redactText(JSON.stringify(redactor.redact(record)))
    } catch (err) {
      // A field that cannot be serialised costs its fields, not the line.
      const why = err instanceof Error ? err.message : String(err)
      line = redactor.redactText(JSON.stringify({ t: record.t, level, event, logError: why }))
    }
    for (const sink of sinks) sink.write(line)
  }
}

export interface FileLogger {
  logger: Logger
  redactor: Redactor
  file: DailyLog
  close(): void
}

/**
 * A logger writing to the daily files of `dir`, with the secrets known at startup already
 * registered (more can be added later through `redactor.addSecret`).
 */
export function createFileLogger(
  options: DailyLogOptions & { secrets?: readonly (string | undefined)[]; minLevel?: LogLevel; context?: LogFields },
): FileLogger {
  const redactor = new Redactor()
  redactor.addSecret(...(options.secrets ?? []))
  const file = new DailyLog(options)
  const logger = Logger.create({
    sinks: [file],
    redactor,
    ...(options.minLevel ? { minLevel: options.minLevel } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.context ? { context: options.context } : {}),
  })
  return { logger, redactor, file, close: () => file.close() }
}
