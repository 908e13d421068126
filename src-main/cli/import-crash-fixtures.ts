/**
 * The crash test's files and their metadata CSV: each file gets values that are easy to lose in a
 * CSV round trip (commas, quotes, non-ASCII, a line break), unique per file so an entry imported
 * twice, or a value put on the wrong entry, shows.
 */
import type { MediaKind } from '../core/model/row'

export interface CrashFile {
  relativePath: string
  size: number
  kind: MediaKind
  index: number
}

/** The metadata the file's entry must carry; images get a caption, files a description. */
export function expectedMetadata(file: CrashFile): Record<string, string> {
  const title = `Item ${file.index}, "${file.kind}" — Zürich`
  const text = `Line one of ${file.index};\nline two, with "quotes"`
  return file.kind === 'image' ? { title, caption: text } : { title, description: text }
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** `relativePath,title,caption,description` */
export function csvLine(file: CrashFile): string {
  const values = expectedMetadata(file)
  return [file.relativePath, values.title ?? '', values.caption ?? '', values.description ?? ''].map(csvField).join(',')
}
