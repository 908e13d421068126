import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findMediaType, readProjectModel } from '../../../src-shared/project/project-model'
import { csvValue, editOf, localeAssetPaths, matchRecords, readMetadataCsv } from './metadata-csv'

const project = readProjectModel(
  JSON.parse(readFileSync(resolve(__dirname, '../../../resources/sandbox/project-config.json'), 'utf8')),
)
const image = findMediaType(project, 'image')

describe('readMetadataCsv', () => {
  it('reads metadata, translations, identity fields and per-locale assets; empty cells change nothing', () => {
    const records = readMetadataCsv(
      'relativePath,title,title.fr,caption,systemName,externalId,rating,keywords,asset.de\n' +
        'drop/a.jpg,Harbour,Port,,wire,A-1,4,sports; culture,de/a.jpg\n',
      project,
    )
    expect(records).toHaveLength(1)
    const [record] = records
    expect(record?.cells.map((c) => c.column.kind)).toEqual([
      'metadata',
      'translation',
      'systemName',
      'externalId',
      'metadata',
      'metadata',
      'asset',
    ])
    expect(editOf(record!, image, project)).toEqual({
      metadata: { title: 'Harbour', rating: 4, keywords: ['sports', 'culture'] },
      translations: { fr: { title: 'Port' } },
      systemName: 'wire',
      externalId: 'A-1',
    })
    expect(localeAssetPaths(record!)).toEqual({ de: 'de/a.jpg' })
  })

  it('refuses unknown columns, locales and untranslatable properties on line 1', () => {
    expect(() => readMetadataCsv('relativePath,headline\n', project)).toThrow(/^line 1: unknown column "headline"/)
    expect(() => readMetadataCsv('relativePath,title.es\n', project)).toThrow(
      /"es" is not a language of this project \(en, de, fr\)/,
    )
    expect(() => readMetadataCsv('relativePath,credit.fr\n', project)).toThrow(/"credit" is not translatable/)
    expect(() => readMetadataCsv('relativePath,title,title\n', project)).toThrow(/appears twice/)
    expect(() => readMetadataCsv('title\nx\n', project)).toThrow(/no relativePath column/)
    expect(() => readMetadataCsv('relativePath;title\n', project)).toThrow(/separated by ";"/)
  })

  it('refuses text that was decoded with replacement characters, naming the line', () => {
    expect(() => readMetadataCsv('relativePath,title\r\na.jpg,ok\r\nb.jpg,caf\uFFFD bad\r\n', project)).toThrow(
      /^line 3 is not UTF-8: it holds "\uFFFD" .*save it as "CSV UTF-8" and try again\.$/,
    )
  })

  it('names the line of a record with the wrong number of fields', () => {
    expect(() => readMetadataCsv('relativePath,title\na.jpg,x\nb.jpg,y,z\n', project)).toThrow(
      /^line 3: 3 fields, but the header names 2 columns/,
    )
  })
})

describe('matchRecords', () => {
  const records = readMetadataCsv('relativePath,title\ndrop/a.jpg,A\nsub/b.jpg,B\n', project)

  it('matches full relative paths and paths inside the dropped folder', () => {
    const matched = matchRecords(records, ['drop/a.jpg', 'drop/sub/b.jpg'], ['drop'])
    expect([...matched.keys()]).toEqual(['drop/a.jpg', 'drop/sub/b.jpg'])
  })

  it('names the line of an unknown or repeated path', () => {
    expect(() => matchRecords(records, ['drop/a.jpg'], ['drop'])).toThrow(
      /^line 3: no file "sub\/b.jpg" among the files given \(paths look like "drop\/a.jpg"\)/,
    )
    const twice = readMetadataCsv('relativePath,title\ndrop/a.jpg,A\na.jpg,B\n', project)
    expect(() => matchRecords(twice, ['drop/a.jpg'], ['drop'])).toThrow(
      /^line 3: "drop\/a.jpg" was already set on line 2/,
    )
  })
})

describe('csvValue', () => {
  const prop = (plugin: string) => ({ handle: 'x', plugin, label: 'X', required: false, translatable: false })
  it('shapes text for the plugin, and leaves what does not fit for validation to name', () => {
    expect(csvValue(prop('li-integer'), ' 12 ')).toBe(12)
    expect(csvValue(prop('li-integer'), 'twelve')).toBe('twelve')
    expect(csvValue(prop('li-boolean'), 'Yes')).toBe(true)
    expect(csvValue(prop('li-boolean'), 'maybe')).toBe('maybe')
    expect(csvValue(prop('li-string-list'), 'a; b;;c')).toEqual(['a', 'b', 'c'])
    expect(csvValue(prop('li-metadata-translations'), 'fr')).toEqual({ locale: 'fr', label: 'fr' })
    expect(csvValue(prop('li-text'), '  two\nlines ')).toBe('two\nlines')
    expect(csvValue(undefined, ' x ')).toBe('x')
  })
})
