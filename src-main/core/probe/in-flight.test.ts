import { describe, expect, it } from 'vitest'
import { InFlight } from './in-flight'

const deferred = () => {
  let resolve!: () => void
  let reject!: (e: Error) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('InFlight', () => {
  it('waits for room and for the last item, counting failures as done', async () => {
    const inFlight = new InFlight()
    const items = [deferred(), deferred(), deferred()]
    for (const item of items) inFlight.track(item.promise)
    expect(inFlight.size).toBe(3)
    let roomy = false
    const room = inFlight.room(1).then(() => (roomy = true))
    items[0]?.resolve()
    await Promise.resolve()
    expect(roomy).toBe(false)
    items[1]?.reject(new Error('probe failed'))
    await room
    expect(inFlight.size).toBe(1)
    const drained = inFlight.drained()
    items[2]?.resolve()
    await drained
    expect(inFlight.size).toBe(0)
  })
})
