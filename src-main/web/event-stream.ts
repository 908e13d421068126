/**
 * Events to every open page over Server-Sent Events (EventSource): one stream per page, each
 * event as `event: <name>` + one line of JSON. Like main's IPC, an event sent while no page is
 * connected is dropped: a page's first snapshot already holds what it said.
 * A page's command answers travel on its stream too (`answer`): the renderer relies on answers and
 * events arriving in the order they were sent, as on Electron's one IPC channel
 * (src-renderer/store/connect.ts), which a separate HTTP response would not keep.
 */
import type { ServerResponse } from 'node:http'
import type { EventName, Events } from '../contract'
import type { Emit } from '../core/commands/handlers'

/** A comment line now and then keeps proxies and idle timers from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000

export class EventStreams {
  private readonly clients = new Set<ServerResponse>()
  /** Streams by the id their page chose, for answers. */
  private readonly byId = new Map<string, ServerResponse>()
  private readonly keepAlive: NodeJS.Timeout

  constructor() {
    this.keepAlive = setInterval(() => this.write(': keep-alive\n\n'), KEEP_ALIVE_MS)
    this.keepAlive.unref()
  }

  /** Takes over a response as an event stream; `ready` is its first event. */
  add(res: ServerResponse, headers: Record<string, string>, ready: string, id?: string): void {
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    this.clients.add(res)
    // A reconnecting page takes its id back.
    if (id) this.byId.set(id, res)
    res.on('close', () => {
      this.clients.delete(res)
      if (id && this.byId.get(id) === res) this.byId.delete(id)
    })
    // Added before `ready` goes out: every event from now on reaches this page.
    res.write(`event: ${ready}\ndata: {}\n\n`)
  }

  readonly emit: Emit = <E extends EventName>(event: E, payload: Events[E]) => {
    if (this.clients.size === 0) return
    this.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
  }

  /** Writes a command's answer on that page's stream; false when it has none open (answer over HTTP then). */
  answer(id: string | undefined, event: string, data: unknown): boolean {
    const res = id ? this.byId.get(id) : undefined
    if (!res || res.writableEnded || res.destroyed) return false
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    return true
  }

  get size(): number {
    return this.clients.size
  }

  close(): void {
    clearInterval(this.keepAlive)
    for (const res of this.clients) res.end()
    this.clients.clear()
    this.byId.clear()
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk)
  }
}
