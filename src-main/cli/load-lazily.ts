/**
 * Loads a module on first use. Commands and the sandbox pull in the AWS SDK, s3rver and the
 * emulator (seconds on a busy machine), which `scan` and every `--help` must not wait for.
 * require(), not import(): the bin runs the CLI through tsx's CommonJS hook, which does not
 * cover import() (tsx 4.23). Ids are relative to this folder (src-main/cli).
 */
export function loadLazily<T>(id: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(id) as T
}
