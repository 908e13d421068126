/**
 * Which uploads of a row the editor can send again (failed or cancelled: the main file and each
 * per-locale file), and what the Upload cell says about them. Pure.
 */
import type { Row } from '../../../src-main/contract'

type Upload = NonNullable<Row['upload']>

const retryable = (upload: Upload | undefined): upload is Upload =>
  upload?.state === 'cancelled' || (upload?.state === 'failed' && upload.error?.retryable !== false)

/** Uploads of this row that Retry would send again. */
export function uploadsToRetry(row: Row): { locale?: string; upload: Upload }[] {
  if (row.status === 'imported') return []
  const found: { locale?: string; upload: Upload }[] = []
  if (retryable(row.upload)) found.push({ upload: row.upload })
  for (const [locale, asset] of Object.entries(row.localeAssets ?? {})) {
    if (retryable(asset.upload)) found.push({ locale, upload: asset.upload })
  }
  return found
}

export const canRetryUpload = (row: Row): boolean => uploadsToRetry(row).length > 0

/** "Upload cancelled." or the failure message, prefixed by the language for a per-locale file. */
export function retryReason(row: Row): string {
  return uploadsToRetry(row)
    .map(({ locale, upload }) => {
      const what = upload.state === 'cancelled' ? 'Upload cancelled.' : (upload.error?.message ?? 'Upload failed.')
      return locale ? `${locale}: ${what}` : what
    })
    .join(' ')
}
