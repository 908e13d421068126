/**
 * The CLI's log: daily NDJSON files in `logs/` beside the sessions and the Sandbox data
 * ($XDG_DATA_HOME/media-importer/logs or ~/.media-importer/logs). The profile's secrets are
 * registered with the redaction layer before the first line is written.
 */
import { dirname, join } from 'node:path'
import { createFileLogger, type FileLogger } from '../core/logging'
import type { ResolvedProfile } from '../core/profile/resolve-profile'
import { defaultSandboxDataDir } from './data-dir'
import { terminalText } from './terminal-text'

export function defaultLogDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  return join(dirname(defaultSandboxDataDir(env, home)), 'logs')
}

/** The values a profile resolved from the environment: the token and, where given, the S3 keys. */
export function profileSecrets(profile: ResolvedProfile): string[] {
  const secrets = [profile.livingdocs.token]
  const credentials = profile.storage.credentials
  if (credentials.source === 'keys') secrets.push(credentials.secretAccessKey, credentials.accessKeyId)
  return secrets
}

export function openCliLog(dir: string, profile: ResolvedProfile, command: string): FileLogger {
  const log = createFileLogger({
    dir,
    secrets: profileSecrets(profile),
    context: { pid: process.pid, command },
    // A log that cannot be written is said once and never stops the import.
    onError: (error) =>
      process.stderr.write(terminalText(`media-import: the log in ${dir} cannot be written (${error.message})`) + '\n'),
  })
  return log
}
