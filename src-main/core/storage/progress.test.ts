import { describe, expect, it } from 'vitest'
import { etaSeconds, fileProgress, SpeedMeter, Throttle } from './progress'

describe('SpeedMeter', () => {
  it('measures bytes per second over the window', () => {
    const meter = new SpeedMeter(5_000)
    meter.record(0, 0)
    meter.record(1_000, 1_000_000)
    meter.record(2_000, 2_000_000)
    expect(meter.bytesPerSecond(2_000)).toBe(1_000_000)
  })

  it('forgets samples older than the window, so a slowdown shows', () => {
    const meter = new SpeedMeter(2_000)
    meter.record(0, 0)
    meter.record(1_000, 10_000_000)
    meter.record(3_000, 10_500_000)
    meter.record(4_000, 11_000_000)
    meter.record(5_000, 11_500_000)
    expect(meter.bytesPerSecond(5_000)).toBe(500_000)
  })

  it('is zero with no data or no time, never negative after bytes are taken back', () => {
    const meter = new SpeedMeter()
    expect(meter.bytesPerSecond(0)).toBe(0)
    meter.record(100, 10)
    expect(meter.bytesPerSecond(100)).toBe(0)
    meter.record(200, 5)
    expect(meter.bytesPerSecond(200)).toBe(0)
  })
})

describe('etaSeconds / fileProgress', () => {
  it('rounds the ETA up and is undefined without a speed', () => {
    expect(etaSeconds(1_500, 1_000)).toBe(2)
    expect(etaSeconds(0, 0)).toBe(0)
    expect(etaSeconds(10, 0)).toBeUndefined()
  })

  it('clamps bytes into [0, total]', () => {
    expect(fileProgress(120, 100, 10)).toEqual({ bytesSent: 100, bytesTotal: 100, bytesPerSecond: 10, etaSeconds: 0 })
    expect(fileProgress(-5, 100, 10).bytesSent).toBe(0)
  })
})

describe('Throttle', () => {
  it('lets the first update through, then at most one per interval', () => {
    const throttle = new Throttle(200)
    expect(throttle.decide(1_000)).toEqual({ emit: true })
    throttle.markEmitted(1_000)
    expect(throttle.decide(1_050)).toEqual({ emit: false, waitMs: 150 })
    expect(throttle.decide(1_200)).toEqual({ emit: true })
  })

  it('allows at most 5 updates in any second when called constantly', () => {
    const throttle = new Throttle(200)
    let emitted = 0
    for (let t = 0; t < 1_000; t += 7) {
      if (throttle.decide(t).emit) {
        throttle.markEmitted(t)
        emitted++
      }
    }
    expect(emitted).toBe(5)
  })
})
