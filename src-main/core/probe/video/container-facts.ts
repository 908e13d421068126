/** What a container parser (ISO movie, Matroska) or MediaInfo tells about a video file. */
import type { EmbeddedMetadata } from '../types'

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
}
