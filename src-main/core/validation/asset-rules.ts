/**
 * The asset must carry every field its kind requires (OpenAPI asset schemas), with sane values,
 * and a key the server accepts (never starting with `/`, never with the reserved `v/`).
 */
import type { MediaKind } from '../model/row'
import { ASSET_FIELDS, type AssetFacts } from '../livingdocs/entry-builder'

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i

const positiveInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v > 0

function fieldProblem(field: keyof AssetFacts, value: unknown): string | undefined {
  switch (field) {
    case 'key':
      if (typeof value !== 'string' || value === '') return 'has no storage key'
      if (value.startsWith('/')) return `key "${value}" must not start with "/"`
      if (value.startsWith('v/')) return `key "${value}" must not start with "v/" (reserved by Livingdocs)`
      return undefined
    case 'url':
      return typeof value === 'string' && /^https?:\/\/\S+$/.test(value) ? undefined : 'has no http(s) URL'
    case 'size':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? undefined : 'has no size in bytes'
    case 'width':
    case 'height':
      return positiveInt(value) ? undefined : `has no ${field} in pixels`
    case 'duration':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0
        ? undefined
        : 'has no duration in seconds'
    case 'mimeType':
      return typeof value === 'string' && MIME.test(value) ? undefined : 'has no MIME type'
    case 'filename':
      return typeof value === 'string' && value.trim() !== '' ? undefined : 'has no file name'
  }
}

/**
 * Problems of one asset as messages; `undefined` asset means "not uploaded yet", or, when
 * `uploadFailure` is given, that the upload failed for that reason (which already says what to do).
 */
export function assetProblems(asset: AssetFacts | undefined, kind: MediaKind, uploadFailure?: string): string[] {
  if (!asset || (asset.key === undefined && asset.url === undefined)) {
    if (uploadFailure) return [`The upload failed: ${uploadFailure}`]
    return ['The file is not uploaded yet: it is sent once its upload has finished.']
  }
  const problems: string[] = []
  for (const field of ASSET_FIELDS[kind]) {
    const problem = fieldProblem(field, asset[field])
    if (problem) problems.push(`The ${kind} asset ${problem}.`)
  }
  return problems
}
