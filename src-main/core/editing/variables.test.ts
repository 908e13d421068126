import { describe, expect, it } from 'vitest'
import { compileTemplate, renderTemplate, type Template, type VariableRow } from './variables'

const row: VariableRow & { embedded: NonNullable<VariableRow['embedded']> } = {
  relativePath: 'Reportage/Day 2/IMG_0042.final.jpg',
  mtimeMs: new Date(2026, 2, 9, 15, 0).getTime(),
  embedded: { title: 'Harbour', creator: 'Ana Ruiz', keywords: ['sea', 'dawn'], more: { city: 'Lisbon' } },
}

const render = (text: string, seq = 1, r: VariableRow = row): string => {
  const t = compileTemplate(text)
  if ('error' in t) throw new Error(t.error)
  return renderTemplate(t, r, seq)
}

describe('variables', () => {
  it('resolves file name, folder, sequence and what the file says', () => {
    expect(render('{filename}')).toBe('IMG_0042.final')
    expect(render('{folder}: {exif.title} by {exif.creator}')).toBe('Day 2: Harbour by Ana Ruiz')
    expect(render('{exif.keywords} in {exif.city}')).toBe('sea; dawn in Lisbon')
    expect(render('pic-{seq:3}', 7)).toBe('pic-007')
    expect(render('{seq}', 12)).toBe('12')
    expect(render('{exif.copyright}')).toBe('')
  })

  it('takes the date taken, else the file date', () => {
    expect(render('{date}')).toBe('2026-03-09')
    expect(render('{date}', 1, { ...row, embedded: { ...row.embedded, dateTaken: '2025-12-24T18:00:00+01:00' } })).toBe(
      '2025-12-24',
    )
  })

  it('keeps literal braces written doubled, and text without variables as it is', () => {
    expect(render('{{draft}} {filename}')).toBe('{draft} IMG_0042.final')
    const plain = compileTemplate('no variables') as Template
    expect(plain.hasVariables).toBe(false)
  })

  it('names the variables there are when one is unknown', () => {
    expect(compileTemplate('{file}')).toEqual({
      error: expect.stringMatching(/^Unknown variable \{file\}: use one of \{filename\}/),
    })
  })
})
