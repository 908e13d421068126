/**
 * What probing learns about a file. Types only: the session row, the CLI record and the
 * renderer all read these shapes.
 */
/** What a file is, decided from its bytes (file-type), never from its name. */
export type MediaKind = 'image' | 'video' | 'file'

export interface GpsPosition {
  latitude: number
  longitude: number
  altitude?: number
}

/**
 * Descriptive metadata embedded in the file, reconciled across EXIF, IPTC-IIM and XMP by the
 * Metadata Working Group's rules (see metadata/mwg.ts).
 */
export interface EmbeddedMetadata {
  title?: string
  description?: string
  /** Several creators are joined with `; ` (the MWG's list separator for EXIF Artist). */
  creator?: string
  credit?: string
  copyright?: string
  keywords?: string[]
  /** ISO 8601; with an offset when the file records one, else local time as shot. */
  dateTaken?: string
  gps?: GpsPosition
  /** Further IPTC Core and Extension fields (XMP preferred over IIM) that exifExtraction mappings may name. */
  more?: Partial<Record<ExtraIptcField, string>>
  /** The IPTC fields that hold several values (Person Shown, Scene Code…). */
  moreLists?: Partial<Record<ExtraIptcListField, string[]>>
  /** field -> where its value was read, e.g. `headline: "XMP photoshop:Headline"` (shown beside prefilled cells). */
  origins?: Record<string, string>
}

export type ExtraIptcField =
  | 'headline'
  | 'source'
  | 'city'
  | 'sublocation'
  | 'state'
  | 'country'
  | 'countryCode'
  | 'instructions'
  | 'jobId'
  | 'captionWriter'
  | 'creatorJobTitle'
  | 'usageTerms'
  | 'intellectualGenre'
  | 'digitalSourceType'
  | 'digitalImageGuid'
  | 'additionalModelInfo'
  | 'event'
  | 'maxAvailHeight'
  | 'maxAvailWidth'
  | 'webStatement'
  | 'rating'
  | 'imageSupplierImageId'
  | 'minorModelAgeDisclosure'
  | 'modelReleaseStatus'
  | 'propertyReleaseStatus'
  | 'plusVersion'

export type ExtraIptcListField =
  | 'sceneCode'
  | 'subjectCode'
  | 'personShown'
  | 'organisationCode'
  | 'organisationName'
  | 'modelAge'
  | 'modelReleaseId'
  | 'propertyReleaseId'
  // IPTC structures, by the field that names each one (see metadata/mwg.ts)
  | 'copyrightOwner'
  | 'licensor'
  | 'imageCreator'
  | 'imageSupplier'
  | 'genre'
  | 'aboutCvTerm'
  | 'artworkOrObject'
  | 'productInImage'
  | 'personInImageWithDetails'
  | 'registryEntry'
  | 'imageRegion'
  | 'embeddedRightsExpression'
  | 'linkedRightsExpression'
  | 'locationCreated'
  | 'locationShown'
  | 'creatorContactInfo'

export type ProbeWarningCode =
  | 'extension-mismatch'
  | 'no-extension'
  | 'metadata-unreadable'
  | 'unsupported-image'
  | 'raw-without-size'
  | 'no-video-track'
  | 'changed-while-reading'
  | 'no-preview'
  | 'imported-as-file'

export interface ProbeWarning {
  code: ProbeWarningCode
  message: string
}

export type ProbeErrorCode = 'unreadable' | 'empty' | 'truncated' | 'corrupt' | 'no-index' | 'broken-header'

export interface ProbeError {
  code: ProbeErrorCode
  /** Names the problem and what the editor can do, e.g. "truncated JPEG: …". */
  message: string
  /** The bytes can still go up as a plain file (a damaged image or video, not an unreadable one). */
  canImportAsFile: boolean
}

/**
 * What probing learns about a file's content, named once: the probe's result carries it and a
 * row holds it (core/model/row.ts extends it), so the two can never drift apart. Every fact is
 * optional: a row has none until it is probed, an unreadable file yields none.
 */
export interface ProbeFacts {
  /** Of every byte, computed in the same pass that reads the header; reused by the upload. */
  sha256?: string
  kind?: MediaKind
  mimeType?: string
  /** The extension that fits the content (for upload keys), without the dot. */
  extension?: string
  /** As displayed: EXIF orientation, HEIF transforms and video rotation applied. */
  width?: number
  height?: number
  /** Seconds (videos). */
  duration?: number
  /** EXIF orientation 1-8 as stored in the file (width/height already account for it). */
  orientation?: number
  codec?: string
  animated?: boolean
  /** Descriptive metadata embedded in the file (EXIF/IPTC/XMP reconciled). */
  embedded?: EmbeddedMetadata
}

export interface ProbeResult extends ProbeFacts {
  /** Bytes actually read (the walk's size may be stale). */
  size: number
  warnings: ProbeWarning[]
  error?: ProbeError
}
