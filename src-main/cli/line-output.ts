/**
 * Writes lines to a stream that the reader may close at any time (`| head`). EPIPE is not an
 * error then: the command stops quietly. Waits for 'drain' so a slow reader slows the walk
 * down instead of filling memory.
 */
export class LineOutput {
  /** The reader went away; callers stop producing. */
  closed = false
  /** A write error other than EPIPE, reported by the caller at the end. */
  failure: Error | undefined

  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      this.closed = true
      if (err.code !== 'EPIPE') this.failure = err
    })
  }

  async write(text: string): Promise<void> {
    if (this.closed) return
    if (this.stream.write(text)) return
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done)
        this.stream.off('error', done)
        this.stream.off('close', done)
        resolve()
      }
      this.stream.once('drain', done)
      this.stream.once('error', done)
      this.stream.once('close', done)
    })
  }
}
