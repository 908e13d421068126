/**
 * How many bytes each Livingdocs answer may have before the client stops reading it. Every cap
 * is far above what a sane answer needs and far below what would hurt the app (the body is
 * held as one string and parsed once, so memory is a few times the cap). An answer past its
 * cap is a broken server or something else answering, and is reported as such (http.ts).
 */
const KiB = 1024
const MiB = 1024 * KiB

/** Room for the envelope of any answer: wrapper, status, error texts. */
const BASE = 64 * KiB

/**
 * `GET /projectConfig` is the whole project: content types, media types, design settings,
 * editor settings. Large projects have configs of a few MB; 16 MB leaves several times that,
 * and still bounds memory when a proxy or a broken server streams without end.
 */
export const PROJECT_CONFIG_MAX_BYTES = 16 * MiB

/**
 * `POST /import/mediaLibrary` answers one item per entry sent, each echoing the created entry
 * (`record`): what we sent plus the server's own fields (version, timestamps, maybe metadata
 * it extracted, e.g. EXIF mappings). So the answer scales with the batch: four times the
 * request's bytes for records the server enlarged or pretty-printed, 16 kB per entry for
 * the item wrapper and error details, plus the envelope. A default batch (100 entries, at most
 * 400 kB) may answer about 3.2 MB.
 */
export function importAnswerMaxBytes(requestBytes: number, entries: number): number {
  return BASE + 4 * requestBytes + entries * 16 * KiB
}

/**
 * Lookups (`GET /mediaLibrary?ids=` / `?systemName=&externalId=`) answer whole entries, which
 * other tools may have filled with long metadata, translations and crops: 256 kB per entry
 * is many times a usual entry (a few kB). By ids the answer holds at most one entry per id;
 * by externalId normally none or one, and a few in a library with duplicates from before.
 */
export function lookupAnswerMaxBytes(expectedEntries: number): number {
  return BASE + Math.max(4, expectedEntries) * 256 * KiB
}

/** `PATCH /mediaLibrary/{id}` answers `{ status: 200 }`; room for a server that echoes the entry. */
export const PATCH_ANSWER_MAX_BYTES = BASE + 256 * KiB
