/** Redraws the progress line on a terminal a few times a second; clears it when done. */
import { progressLine, type RunProgress } from './progress-line'

export class ProgressBar {
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly read: () => RunProgress,
  ) {}

  start(): void {
    this.draw()
    this.timer = setInterval(() => this.draw(), 200)
    this.timer.unref()
  }

  draw(): void {
    this.stream.write(`\r\x1b[2K${progressLine(this.read(), this.stream.columns || 100)}`)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    this.stream.write('\r\x1b[2K')
  }
}
