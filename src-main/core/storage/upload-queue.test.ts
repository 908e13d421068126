import { describe, expect, it } from 'vitest'
import { UploadQueue } from './upload-queue'

const item = (name: string) => ({ name, status: 'queued' })

describe('UploadQueue', () => {
  it('starts large files first up to the cap, then small ones in arrival order', () => {
    const q = new UploadQueue<ReturnType<typeof item>>()
    const [p1, p2, v1, v2, v3] = ['p1', 'p2', 'v1', 'v2', 'v3'].map(item) as ReturnType<typeof item>[]
    q.push(p1!, false)
    q.push(v1!, true)
    q.push(p2!, false)
    q.push(v2!, true)
    q.push(v3!, true)
    const order: string[] = []
    let large = 0
    for (let next = q.next(large, 2); next; next = q.next(large, 2)) {
      order.push(next.item.name)
      if (next.large) large++
    }
    expect(order).toEqual(['v1', 'v2', 'p1', 'p2', 'v3'])
  })

  it('skips items that are no longer queued and forgets removed ones', () => {
    const q = new UploadQueue<ReturnType<typeof item>>()
    const a = item('a')
    const b = item('b')
    const c = item('c')
    q.push(a, false)
    q.push(b, false)
    q.push(c, false)
    a.status = 'paused'
    q.remove(b)
    expect(q.hasQueued()).toBe(true)
    expect(q.next(0, 1)?.item.name).toBe('c')
    expect(q.next(0, 1)).toBeUndefined()
    expect(q.hasQueued()).toBe(false)
  })
})
