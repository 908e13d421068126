/** What a container parser (ISO movie, Matroska) or MediaInfo tells about a video file. */
import type { EmbeddedMetadata } from '../../model/probe-facts'

export interface ContainerFacts {
  hasVideo: boolean
  hasAudio: boolean
  /** Displayed size: rotation applied. */
  width?: number
  height?: number
  /** Seconds. */
  duration?: number
  codec?: string
  embedded?: EmbeddedMetadata
  /** An XMP packet the container holds (MP4 `uuid` box, QuickTime `XMP_`, Matroska attachment). */
  xmp?: Buffer
  /** The duration the header states, where it can differ from the media data there (FLV). */
  declaredDuration?: number
  /** Where the picture track's first and last chunks start (MP4/MOV/3GP), to see they hold data. */
  frameOffsets?: number[]
  /** Why the media data cannot be what the index says (frames beyond the end, none at all). */
  problem?: string
}

/** The words for a copy cut short, when the header states where the file ends (Matroska, ASF). */
export function endsEarly(fileSize: number, declaredEnd: number): string | undefined {
  return declaredEnd > fileSize
    ? `the file ends at byte ${fileSize}, but its header says it runs to byte ${declaredEnd}`
    : undefined
}
