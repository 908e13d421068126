/**
 * ASF (WMV, WMA) states the whole file's size in its File Properties Object (ASF specification
 * §3.2): a copy cut short is smaller than that. MediaInfo reads the rest of such a file without
 * flagging the cut, so a WMV holding a third of its pictures would import as a normal video.
 */
import { endsEarly, type ContainerFacts } from './container-facts'

/** 75B22630-668E-11CF-A6D9-00AA0062CE6C and 8CABDCA1-A947-11CF-8EE4-00C00C205365, as stored. */
const headerObject = Buffer.from('3026b2758e66cf11a6d900aa0062ce6c', 'hex')
const fileProperties = Buffer.from('a1dcab8c47a9cf118ee400c00c205365', 'hex')
/** Object id and size, then id, size, file id, file size … flags and packet sizes: 104 bytes. */
const filePropertiesLength = 104

/** A problem when the file is shorter than its header says; undefined when whole or unknown. */
export function asfDeclared(head: Buffer, fileSize: number): ContainerFacts | undefined {
  if (head.length < 30 || !head.subarray(0, 16).equals(headerObject)) return undefined
  const headerEnd = Math.min(head.length, Number(head.readBigUInt64LE(16)))
  for (let at = 30; at + 24 <= headerEnd;) {
    const size = Number(head.readBigUInt64LE(at + 16))
    if (size < 24) return undefined
    if (head.subarray(at, at + 16).equals(fileProperties) && at + filePropertiesLength <= head.length) {
      // A live broadcast's header leaves the size unset (flag bit 0): nothing to compare.
      if ((head.readUInt32LE(at + 88) & 1) === 1) return undefined
      const problem = endsEarly(fileSize, Number(head.readBigUInt64LE(at + 40)))
      return problem ? { hasVideo: false, hasAudio: false, problem } : undefined
    }
    at += size
  }
  return undefined
}
