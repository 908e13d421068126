/**
 * Test helper: a small seeded generator (mulberry32), so a randomised test can be replayed
 * exactly from the seed it prints.
 */
export interface SeededRandom {
  seed: number
  /** [0, 1) */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { seed, next, int: (min, max) => min + Math.floor(next() * (max - min + 1)) }
}

/** The seed from `name` in the environment (to replay a failure), or a fresh one. */
export function seedFrom(env: NodeJS.ProcessEnv, name: string): number {
  const given = Number(env[name])
  return Number.isInteger(given) && given > 0 ? given : 1 + Math.floor(Math.random() * 2 ** 31)
}
