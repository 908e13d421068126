/** `media-import sessions`: the import sessions on this computer, unfinished ones first. */
import { homedir } from 'node:os'
import { resolve } from 'node:path'
import { holderText } from '../core/session/lock/lock-holder'
import { listSessions, type SessionSummary } from '../core/session/persistence/list-sessions'
import { exitCodes, UsageError } from './exit-codes'
import { LineOutput } from './line-output'
import { parseCommandArgs } from './parse-command-args'
import { defaultSessionsDir } from './session-dir'
import { terminalText } from './terminal-text'

export const sessionsHelp = `Usage: media-import sessions [--dir DIR] [--json]

Lists the import sessions kept on this computer, unfinished ones first, with what is
left in each, and which process has a session open now (it cannot be continued until
that one ends). Continue one with \`media-import import <paths> --profile FILE --session DIR\`.

Options:
  --dir DIR   where the sessions are (default: $XDG_DATA_HOME/media-importer/sessions
              or ~/.media-importer/sessions)
  --json      one JSON object per line and session
  -h, --help  show this help`

/** One line a person reads: state, counts, when, where. */
export function sessionLine(s: SessionSummary): string {
  // Folder names, profile names and problems come from the disk: the line is made safe.
  if (s.problem) return terminalText(`damaged    ${s.dir}: ${s.problem}`)
  const state = s.unfinished ? 'unfinished' : 'done      '
  const counts = `${s.imported}/${s.rows} imported${s.failed ? `, ${s.failed} failed` : ''}`
  const when = s.changedAtMs ? new Date(s.changedAtMs).toISOString().replace('T', ' ').slice(0, 16) : ''
  const profile = s.profileName ? ` [${s.profileName}]` : ''
  const openBy = s.openBy ? ` (open in ${holderText(s.openBy)})` : ''
  return terminalText(`${state} ${counts.padEnd(24)} ${when}  ${s.dir}${profile}${openBy}`)
}

export async function runSessions(
  args: readonly string[],
  stdout: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const parsed = parseCommandArgs('sessions', args, { dir: { type: 'string' }, json: { type: 'boolean' } }, false)
  if (parsed.help) {
    stdout.write(`${sessionsHelp}\n`)
    return exitCodes.ok
  }
  if (parsed.values.dir === '') throw new UsageError('--dir needs a folder.', 'sessions')
  const dir =
    typeof parsed.values.dir === 'string' ? resolve(parsed.values.dir) : defaultSessionsDir(process.env, homedir())
  const sessions = (await listSessions(dir)).sort((a, b) => Number(b.unfinished) - Number(a.unfinished))
  const out = new LineOutput(stdout)
  if (parsed.values.json === true) {
    for (const session of sessions) await out.write(`${JSON.stringify(session)}\n`)
  } else if (sessions.length === 0) {
    process.stderr.write(`No sessions in ${terminalText(dir)}.\n`)
  } else {
    await out.write(`${sessions.map(sessionLine).join('\n')}\n`)
  }
  return exitCodes.ok
}
