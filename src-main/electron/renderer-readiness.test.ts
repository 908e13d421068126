import { describe, expect, it } from 'vitest'
import { RendererReadiness } from './renderer-readiness'
import type { RendererTarget } from './renderer-readiness'

function fakeRenderer(options: { throwOnSend?: boolean } = {}) {
  const sent: Array<[string, unknown]> = []
  let destroyed = false
  const target: RendererTarget = {
    isDestroyed: () => destroyed,
    send: (channel, payload) => {
      if (options.throwOnSend) throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      sent.push([channel, payload])
    },
  }
  return { target, sent, destroy: () => (destroyed = true) }
}

describe('RendererReadiness', () => {
  it('drops events until the renderer has said it is ready', () => {
    const readiness = new RendererReadiness<RendererTarget>()
    const r = fakeRenderer()
    expect(readiness.send(r.target, 'ch', 1)).toBe(false)
    readiness.markReady(r.target)
    expect(readiness.send(r.target, 'ch', 2)).toBe(true)
    expect(r.sent).toEqual([['ch', 2]])
  })

  it('stops sending after a reload until the new page is ready', () => {
    const readiness = new RendererReadiness<RendererTarget>()
    const r = fakeRenderer()
    readiness.markReady(r.target)
    readiness.markNotReady(r.target)
    expect(readiness.send(r.target, 'ch', 'lost')).toBe(false)
    readiness.markReady(r.target)
    expect(readiness.send(r.target, 'ch', 'again')).toBe(true)
    expect(r.sent).toEqual([['ch', 'again']])
  })

  it('does not crash when the window is gone or its frame disposed', () => {
    const readiness = new RendererReadiness<RendererTarget>()
    expect(readiness.send(null, 'ch', 1)).toBe(false)
    expect(readiness.send(undefined, 'ch', 1)).toBe(false)

    const closed = fakeRenderer()
    readiness.markReady(closed.target)
    closed.destroy()
    expect(readiness.send(closed.target, 'ch', 1)).toBe(false)
    expect(closed.sent).toEqual([])

    const disposing = fakeRenderer({ throwOnSend: true })
    readiness.markReady(disposing.target)
    expect(readiness.send(disposing.target, 'ch', 1)).toBe(false)
    expect(readiness.isReady(disposing.target)).toBe(false)
  })

  it('keeps readiness per renderer', () => {
    const readiness = new RendererReadiness<RendererTarget>()
    const a = fakeRenderer()
    const b = fakeRenderer()
    readiness.markReady(a.target)
    expect(readiness.send(b.target, 'ch', 1)).toBe(false)
    expect(readiness.send(a.target, 'ch', 1)).toBe(true)
  })
})
