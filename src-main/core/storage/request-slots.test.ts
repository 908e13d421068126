import { describe, expect, it } from 'vitest'
import { RequestSlots } from './request-slots'

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('RequestSlots', () => {
  it('never runs more than its size at once', async () => {
    const slots = new RequestSlots(3)
    let running = 0
    let peak = 0
    await Promise.all(
      Array.from({ length: 20 }, () =>
        slots.run(async () => {
          running++
          peak = Math.max(peak, running)
          await tick()
          running--
        }),
      ),
    )
    expect(peak).toBe(3)
    expect(slots.inUse).toBe(0)
  })

  it('serves waiters in order and lets an aborted waiter leave', async () => {
    const slots = new RequestSlots(1)
    const release = await slots.acquire()
    const order: string[] = []
    const controller = new AbortController()
    const a = slots.acquire().then((r) => (order.push('a'), r))
    const b = slots.acquire(controller.signal).then(
      () => order.push('b'),
      () => order.push('b-aborted'),
    )
    const c = slots.acquire().then((r) => (order.push('c'), r))
    controller.abort(new Error('stop'))
    await b
    release()
    ;(await a)()
    ;(await c)()
    expect(order).toEqual(['b-aborted', 'a', 'c'])
    expect(slots.inUse).toBe(0)
  })

  it('ignores a second release of the same slot', async () => {
    const slots = new RequestSlots(2)
    const release = await slots.acquire()
    release()
    release()
    expect(slots.inUse).toBe(0)
    await slots.acquire()
    await slots.acquire()
    expect(slots.inUse).toBe(2)
  })
})
