import { describe, expect, it } from 'vitest'
import { embeddedEntries, orientationText } from './preview-facts'

describe('orientationText', () => {
  it('names the shape, and the EXIF turn the display applied', () => {
    expect(orientationText({ width: 4000, height: 3000 })).toBe('Landscape')
    expect(orientationText({ width: 3000, height: 4000, orientation: 6 })).toBe(
      'Portrait (EXIF orientation 6: turned 90° clockwise for display)',
    )
    expect(orientationText({ width: 10, height: 10, orientation: 1 })).toBe('Square')
    expect(orientationText({})).toBe('')
  })
})

describe('embeddedEntries', () => {
  const label = (handle: string) => ({ title: 'Title', caption: 'Caption' })[handle] ?? handle

  it('marks each embedded value with the property the prefill put it in, by any alias of its field', () => {
    const entries = embeddedEntries(
      {
        embedded: {
          title: 'Harbour',
          description: 'Cranes at dawn',
          credit: 'dpa',
          keywords: ['port', 'dawn'],
          more: { city: 'Hamburg' },
          gps: { latitude: 53.54, longitude: 9.98 },
        },
        prefill: {
          metadata: { title: 'Harbour', caption: 'Cranes at dawn' },
          sources: {
            title: { from: 'embedded', field: 'dc:title' },
            caption: { from: 'embedded', field: 'Caption/Abstract' },
          },
          fallback: [],
        },
      },
      label,
    )
    expect(entries).toEqual([
      { label: 'Title', value: 'Harbour', usedFor: ['Title'] },
      { label: 'Description', value: 'Cranes at dawn', usedFor: ['Caption'] },
      { label: 'Credit', value: 'dpa', usedFor: [] },
      { label: 'Keywords', value: 'port, dawn', usedFor: [] },
      { label: 'City', value: 'Hamburg', usedFor: [] },
      { label: 'GPS', value: '53.54000, 9.98000', usedFor: [] },
    ])
  })

  it('lists nothing for a file without embedded metadata, and a title from the file name uses none', () => {
    expect(embeddedEntries({}, label)).toEqual([])
    const fromName = embeddedEntries(
      {
        embedded: { title: 'Embedded' },
        prefill: { metadata: { title: 'IMG_1' }, sources: { title: { from: 'file-name' } }, fallback: ['title'] },
      },
      label,
    )
    expect(fromName).toEqual([{ label: 'Title', value: 'Embedded', usedFor: [] }])
  })
})
