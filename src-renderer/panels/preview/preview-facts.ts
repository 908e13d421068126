/**
 * What the preview pane says about a row: its orientation, and the metadata embedded in the file
 * with, for each value, the field the prefill put it in — or that it used none (the project maps
 * no such field, or another source came first). Pure, so the wording is tested.
 */
import type { Row } from '../../../src-main/contract'
import { fieldReader } from '../../../src-shared/prefill/exif-fields'

/** EXIF orientation (as stored) -> what was done to show it upright. */
const EXIF_TURNS: Record<number, string> = {
  2: 'mirrored',
  3: 'turned 180°',
  4: 'flipped upside down',
  5: 'mirrored and turned 90° counter-clockwise',
  6: 'turned 90° clockwise',
  7: 'mirrored and turned 90° clockwise',
  8: 'turned 90° counter-clockwise',
}

export function orientationText(row: Pick<Row, 'width' | 'height' | 'orientation'>): string {
  if (!row.width || !row.height) return ''
  const shape = row.width > row.height ? 'Landscape' : row.width < row.height ? 'Portrait' : 'Square'
  const turn = row.orientation ? EXIF_TURNS[row.orientation] : undefined
  return turn ? `${shape} (EXIF orientation ${row.orientation}: ${turn} for display)` : shape
}

/** Embedded fields in the order a caption desk reads them: label and a name the prefill's reader knows. */
const FIELDS: ReadonlyArray<{ label: string; reader: string; value(e: NonNullable<Row['embedded']>): unknown }> = [
  { label: 'Title', reader: 'Title', value: (e) => e.title },
  { label: 'Headline', reader: 'Headline', value: (e) => e.more?.headline },
  { label: 'Description', reader: 'Description', value: (e) => e.description },
  { label: 'Creator', reader: 'Creator', value: (e) => e.creator },
  { label: 'Credit', reader: 'Credit', value: (e) => e.credit },
  { label: 'Copyright', reader: 'Copyright', value: (e) => e.copyright },
  { label: 'Source', reader: 'Source', value: (e) => e.more?.source },
  { label: 'Keywords', reader: 'Keywords', value: (e) => e.keywords },
  { label: 'Date taken', reader: 'Date Created', value: (e) => e.dateTaken },
  { label: 'City', reader: 'City', value: (e) => e.more?.city },
  { label: 'Sublocation', reader: 'Sublocation', value: (e) => e.more?.sublocation },
  { label: 'State', reader: 'State', value: (e) => e.more?.state },
  { label: 'Country', reader: 'Country', value: (e) => e.more?.country },
  { label: 'Country code', reader: 'Country Code', value: (e) => e.more?.countryCode },
  { label: 'Instructions', reader: 'Instructions', value: (e) => e.more?.instructions },
  { label: 'Job id', reader: 'Job Id', value: (e) => e.more?.jobId },
  { label: 'Caption writer', reader: 'Caption Writer', value: (e) => e.more?.captionWriter },
  { label: "Creator's job title", reader: "Creator's jobtitle", value: (e) => e.more?.creatorJobTitle },
  { label: 'Usage terms', reader: 'Rights Usage Terms', value: (e) => e.more?.usageTerms },
]

export interface EmbeddedEntry {
  label: string
  value: string
  /** Labels of the properties the prefill filled from it; empty: not used. */
  usedFor: string[]
}

const text = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value))

/** `propertyLabel` names a metadata property of the row's media type by its handle. */
export function embeddedEntries(
  row: Pick<Row, 'embedded' | 'prefill'>,
  propertyLabel: (handle: string) => string,
): EmbeddedEntry[] {
  const embedded = row.embedded
  if (!embedded) return []
  // Aliases ("Caption/Abstract", "dc:description") share one reader, so readers identify fields.
  const used = Object.entries(row.prefill?.sources ?? {}).flatMap(([handle, source]) =>
    source.from === 'embedded' ? [{ handle, reader: fieldReader(source.field) }] : [],
  )
  const entries: EmbeddedEntry[] = []
  for (const field of FIELDS) {
    const value = field.value(embedded)
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue
    const reader = fieldReader(field.reader)
    const usedFor = used
      .filter((u) => u.reader !== undefined && u.reader === reader)
      .map((u) => propertyLabel(u.handle))
    entries.push({ label: field.label, value: text(value), usedFor })
  }
  if (embedded.gps) {
    const { latitude, longitude } = embedded.gps
    entries.push({ label: 'GPS', value: `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`, usedFor: [] })
  }
  return entries
}
