/**
 * For the CLI commands that serve until stopped (`sandbox`, `ui`): resolves on the first Ctrl+C
 * (SIGINT) or SIGTERM, then stops listening, so a second Ctrl+C while closing means "now" (the
 * default handling kills the process).
 */
export function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolveSignal) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
      resolveSignal(signal)
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  })
}
