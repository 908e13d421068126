import { describe, expect, it } from 'vitest'
import { parseTemplatesFile, templatesFileText } from './template-file'

const afp = { name: 'AFP', fields: [{ field: 'metadata.credit', mode: 'fill-empty', value: 'AFP' }] }

describe('parseTemplatesFile', () => {
  it('reads templates per profile and writes them back the same', () => {
    const text = JSON.stringify({ format: 1, profiles: { Sandbox: [afp], Production: [{ ...afp, name: 'Desk' }] } })
    const file = parseTemplatesFile(text, 'templates.json')
    expect(file.problems).toEqual([])
    expect(file.profiles.get('Sandbox')?.templates).toEqual([afp])
    expect(JSON.parse(templatesFileText(file))).toEqual(JSON.parse(text))
  })

  it('names a damaged entry, offers the others, and keeps the damaged one in the file as it was', () => {
    const broken = { name: 'Reuters', fields: [{ field: 'metadata.credit', mode: 'overwrite', value: 'R' }] }
    const text = JSON.stringify({ format: 1, profiles: { Sandbox: [afp, broken, 'junk'] } })
    const file = parseTemplatesFile(text, '/x/templates.json')
    expect(file.profiles.get('Sandbox')?.templates).toEqual([afp])
    expect(file.problems).toHaveLength(2)
    expect(file.problems[0]).toMatch(
      /^Template "Reuters" of profile "Sandbox" in \/x\/templates.json cannot be used \(fields\.0\.mode: /,
    )
    expect(file.problems[0]).toMatch(/kept in the file as it is; correct it there or delete it\.$/)
    expect(file.problems[1]).toMatch(/^Template number 3 /)
    expect(JSON.parse(templatesFileText(file)).profiles.Sandbox).toEqual([afp, broken, 'junk'])
    expect(file.unreadable).toBe(false)
  })

  it('a second template of the same name is set aside, not merged', () => {
    const text = JSON.stringify({ format: 1, profiles: { Sandbox: [afp, afp] } })
    const file = parseTemplatesFile(text, 't.json')
    expect(file.profiles.get('Sandbox')?.templates).toEqual([afp])
    expect(file.problems[0]).toMatch(/its name is used twice/)
  })

  it.each([
    ['{ "format": 1, "profiles": ', /is not valid JSON/],
    ['[]', /"profiles" is missing/],
    ['{ "format": 7, "profiles": {} }', /has format 7, which this version cannot read/],
  ])('an unreadable file (%s) says why and that it will be kept beside', (text, why) => {
    const file = parseTemplatesFile(text, 't.json')
    expect(file.unreadable).toBe(true)
    expect(file.profiles.size).toBe(0)
    expect(file.problems[0]).toMatch(why)
    expect(file.problems[0]).toMatch(/kept beside as a copy/)
  })
})
