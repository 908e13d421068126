import { describe, expect, it } from 'vitest'
import { Slots } from './slots'

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('Slots', () => {
  it('never lets more than size holders in, and serves waiters in order', async () => {
    const slots = new Slots(2)
    let inside = 0
    let most = 0
    const order: number[] = []
    const gates: (() => void)[] = []
    const tasks = Array.from({ length: 6 }, (_, i) =>
      slots.run(async () => {
        order.push(i)
        inside++
        most = Math.max(most, inside)
        await new Promise<void>((resolve) => gates.push(resolve))
        inside--
      }),
    )
    await tick()
    expect(slots.inUse).toBe(2)
    expect(slots.waiting).toBe(4)
    while (gates.length > 0 || order.length < 6) {
      gates.shift()?.()
      await tick()
    }
    await Promise.all(tasks)
    expect(most).toBe(2)
    expect(order).toEqual([0, 1, 2, 3, 4, 5])
    expect(slots.inUse).toBe(0)
  })

  it('hands a released slot to the waiter, not to a newcomer', async () => {
    const slots = new Slots(1)
    const release = await slots.acquire()
    const granted: string[] = []
    const waiter = slots.acquire().then((r) => {
      granted.push('waiter')
      return r
    })
    release()
    const newcomer = slots.acquire().then((r) => {
      granted.push('newcomer')
      return r
    })
    ;(await waiter)()
    ;(await newcomer)()
    expect(granted).toEqual(['waiter', 'newcomer'])
    expect(slots.inUse).toBe(0)
  })

  it('drops an aborted waiter from the line and releases once per slot', async () => {
    const slots = new Slots(1)
    const release = await slots.acquire()
    const controller = new AbortController()
    const aborted = slots.acquire(controller.signal)
    controller.abort(new Error('stop'))
    await expect(aborted).rejects.toThrow('stop')
    expect(slots.waiting).toBe(0)
    release()
    release()
    expect(slots.inUse).toBe(0)
    const again = await slots.acquire()
    expect(slots.inUse).toBe(1)
    again()
  })

  it('refuses a size below one', () => {
    expect(() => new Slots(0)).toThrow(RangeError)
  })

  it('keeps order across thousands of waiters (the line compacts)', async () => {
    const slots = new Slots(3)
    const order: number[] = []
    await Promise.all(Array.from({ length: 5000 }, (_, i) => slots.run(async () => void order.push(i))))
    expect(order).toEqual(Array.from({ length: 5000 }, (_, i) => i))
    expect(slots.inUse).toBe(0)
  })
})
