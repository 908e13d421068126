import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TemplateStore } from './template-store'

const credit = (value: string) => ({ field: 'metadata.credit', mode: 'fill-empty' as const, value })

let dir: string
let file: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'templates-'))
  file = join(dir, 'settings', 'templates.json')
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('TemplateStore', () => {
  it('saves per profile into a file only the user can read, renames and deletes', async () => {
    const store = new TemplateStore(file)
    await store.save('Sandbox', { name: 'AFP', fields: [credit('AFP')] })
    await store.save('Production', { name: 'AFP', fields: [credit('AFP / Production')] })
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    // Another store over the same file (the app started again) sees them.
    const again = new TemplateStore(file)
    expect((await again.list('Sandbox')).templates).toEqual([{ name: 'AFP', fields: [credit('AFP')] }])
    await again.rename('Sandbox', 'AFP', 'Agence France-Presse')
    expect((await again.list('Sandbox')).templates.map((t) => t.name)).toEqual(['Agence France-Presse'])
    expect((await again.list('Production')).templates.map((t) => t.name)).toEqual(['AFP'])
    expect(await again.remove('Sandbox', 'Agence France-Presse')).toBe(true)
    expect(await again.remove('Sandbox', 'Agence France-Presse')).toBe(false)
    expect((await again.list('Sandbox')).templates).toEqual([])
  })

  it('refuses a name taken and a template without fields, saying what to change', async () => {
    const store = new TemplateStore(file)
    await store.save('Sandbox', { name: 'AFP', fields: [credit('AFP')] })
    await store.save('Sandbox', { name: 'Reuters', fields: [credit('Reuters')] })
    await expect(store.rename('Sandbox', 'Reuters', 'AFP')).rejects.toThrow(
      'A template named "AFP" exists already: choose another name.',
    )
    await expect(store.save('Sandbox', { name: 'Empty', fields: [] })).rejects.toThrow(/at least one field/)
    await expect(store.save('Sandbox', { name: '  ', fields: [credit('x')] })).rejects.toThrow(/needs a name/)
  })

  it('a hand-damaged entry is reported and survives the next save untouched', async () => {
    const broken = { name: 'Broken', fields: [{ field: 'metadata.credit', mode: 'sometimes', value: 'x' }] }
    const flat = join(dir, 'templates.json')
    await writeFile(flat, JSON.stringify({ format: 1, profiles: { Sandbox: [broken] } }))
    const store = new TemplateStore(flat)
    const listed = await store.list('Sandbox')
    expect(listed.templates).toEqual([])
    expect(listed.problems[0]).toMatch(/Template "Broken" of profile "Sandbox" .* cannot be used \(fields\.0\.mode/)
    await store.save('Sandbox', { name: 'AFP', fields: [credit('AFP')] })
    const saved = JSON.parse(await readFile(flat, 'utf8')) as { profiles: { Sandbox: unknown[] } }
    expect(saved.profiles.Sandbox).toEqual([{ name: 'AFP', fields: [credit('AFP')] }, broken])
  })

  it('an unreadable file is copied aside before the first save, so nothing in it is lost', async () => {
    const flat = join(dir, 'templates.json')
    await writeFile(flat, '{ "format": 1, "profiles": { "Sandbox": [ {"name": "half')
    const store = new TemplateStore(flat)
    expect((await store.list('Sandbox')).problems[0]).toMatch(/is not valid JSON/)
    await store.save('Sandbox', { name: 'AFP', fields: [credit('AFP')] })
    const aside = (await readdir(dir)).filter((name) => name.startsWith('templates.json.damaged-'))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(dir, aside[0] as string), 'utf8')).toContain('"name": "half')
    expect((await store.list('Sandbox')).problems).toEqual([])
  })

  it('without a file keeps templates for the life of the process', async () => {
    const store = new TemplateStore()
    await store.save('Sandbox', { name: 'AFP', fields: [credit('AFP')] })
    expect((await store.list('Sandbox')).templates).toHaveLength(1)
    expect((await store.list('Other')).templates).toHaveLength(0)
  })
})
