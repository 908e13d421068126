/**
 * `--metadata` in an import run: the CSV is read and checked against the project and the files
 * before any byte is uploaded (a problem is a usage error naming its line: a file that is not
 * UTF-8, a file named for `asset.<locale>` outside the folders given), then its values are
 * put on the rows once they are probed. A row the CSV cannot change (its id was already sent)
 * keeps the refusal as an issue and is not submitted. On an imported row the CSV's metadata is a
 * correction (core/updater), sent by PATCH after the submit.
 */
import { readFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { realRoots, resolveAssetPath } from '../core/csv/asset-path'
import { CsvError } from '../../src-shared/csv/csv'
import { decodeCsvBytes } from '../../src-shared/csv/csv-bytes'
import { editOf, localeAssetPaths, matchRecords, readMetadataCsv, type MetadataRecord } from '../core/csv/metadata-csv'
import { findMediaType } from '../../src-shared/project/project-model'
import type { ProjectModel } from '../core/model/livingdocs'
import type { ImportSession } from '../core/pipeline/import-session'
import { probeLocaleAsset } from '../core/importer/locale-asset'
import { applyEntryEdit } from '../core/pipeline/row-entry'
import { walkPaths } from '../core/scan/walk'
import { applyCorrection, isImported } from '../../src-shared/rows/update-plan'
import type { FieldIssue, Row } from '../core/model/row'
import { UsageError } from './exit-codes'

export interface MetadataPlan {
  file: string
  /** relativePath -> record */
  records: Map<string, MetadataRecord>
  /** relativePath -> locale -> the real path of that locale's file, checked to lie inside an allowed folder. */
  assets: Map<string, Record<string, string>>
}

/** Relative paths of the files under `roots` (a walk without reading any file). */
async function relativePathsUnder(roots: readonly string[]): Promise<string[]> {
  const paths: string[] = []
  for await (const batch of walkPaths(roots, { batchSize: 1000 })) {
    for (const file of batch) if (file.status === 'ok') paths.push(file.relativePath)
  }
  return paths
}

/**
 * `roots` are the paths to import; `assetRoots` the folders given with `--assets`. Files the CSV
 * names for `asset.<locale>` must lie inside one of either (core/csv/asset-path.ts).
 */
export async function planMetadata(
  file: string,
  project: ProjectModel,
  roots: readonly string[],
  sessionRows: readonly Row[],
  assetRoots: readonly string[] = [],
): Promise<MetadataPlan> {
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(
      `--metadata ${file}: ${err.code === 'ENOENT' ? 'file not found' : `cannot be read (${err.code})`}.`,
      'import',
    )
  })
  try {
    const records = readMetadataCsv(decodeCsvBytes(bytes), project)
    const known = [...new Set([...sessionRows.map((r) => r.relativePath), ...(await relativePathsUnder(roots))])]
    const matched = matchRecords(
      records,
      known,
      roots.map((root) => basename(root)),
    )
    const allowed = await realRoots([...roots, ...assetRoots])
    const assets = new Map<string, Record<string, string>>()
    for (const [relativePath, record] of matched) {
      for (const [locale, path] of Object.entries(localeAssetPaths(record))) {
        const answer = await resolveAssetPath(dirname(file), path, allowed)
        if (!answer.ok) throw new CsvError(record.line, `column asset.${locale}: ${answer.problem}`)
        assets.set(relativePath, { ...assets.get(relativePath), [locale]: answer.path })
      }
    }
    return { file, records: matched, assets }
  } catch (err) {
    if (err instanceof CsvError) throw new UsageError(`--metadata ${file}: ${err.message}`, 'import')
    throw err
  }
}

/** Puts the values on the rows; answers the rows it could not change, with why. */
export async function applyMetadata(imp: ImportSession, plan: MetadataPlan): Promise<Map<string, FieldIssue>> {
  const refused = new Map<string, FieldIssue>()
  const byPath = new Map<string, Row>()
  for (const row of imp.session.snapshot().rows) if (!byPath.has(row.relativePath)) byPath.set(row.relativePath, row)
  for (const [relativePath, record] of plan.records) {
    const row = byPath.get(relativePath)
    // Unreadable and skipped ones have no entry and fail on their own.
    if (!row?.entry) continue
    const edit = editOf(record, findMediaType(imp.project, row.entry.mediaType), imp.project)
    // An imported row takes the CSV's metadata as a correction, sent by PATCH after the submit
    // (core/updater); a changed id, media type or translation is refused with the reason.
    const result = isImported(row) ? applyCorrection(row, edit) : applyEntryEdit(row, edit)
    if ('refused' in result) {
      refused.set(row.rowId, {
        ...result.refused,
        message: `${result.refused.message} (--metadata line ${record.line})`,
      })
      continue
    }
    imp.session.updateRow(row.rowId, { entry: result.entry })
    for (const [locale, path] of Object.entries(plan.assets.get(relativePath) ?? {})) {
      try {
        imp.pipeline.setLocaleAsset(row.rowId, locale, await probeLocaleAsset(imp.prober, path))
      } catch (err) {
        const message = `${err instanceof Error ? err.message : String(err)} (--metadata line ${record.line})`
        refused.set(row.rowId, { field: `translations.${locale}.asset`, message, source: 'client' })
      }
    }
  }
  return refused
}
