import { describe, expect, it } from 'vitest'
import { commandSchemas } from './command-schemas'

describe('addPaths schema', () => {
  it('accepts absolute paths', () => {
    expect(commandSchemas.addPaths.safeParse({ paths: ['/home/ed/Photos', '/tmp/a.png'] }).success).toBe(true)
  })

  it('refuses relative paths and says which entry and why', () => {
    const parsed = commandSchemas.addPaths.safeParse({ paths: ['/ok', 'photos/2026'] })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['paths', 1], message: expect.stringContaining('absolute') })
  })
})
