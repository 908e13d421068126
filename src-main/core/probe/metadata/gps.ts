/** GPS positions from XMP (`DDD,MM.mmk` or `DDD,MM,SSk`, XMP spec part 2 §1.2.7.4) and ISO 6709. */
import type { GpsPosition } from '../../model/probe-facts'

export function xmpCoordinate(value: string | undefined): number | undefined {
  const m = /^(\d{1,3}),(\d{1,2}(?:\.\d+)?)(?:,(\d{1,2}(?:\.\d+)?))?([NSEW])$/i.exec(value?.trim() ?? '')
  if (!m) return undefined
  const decimal = Number(m[1]) + Number(m[2]) / 60 + Number(m[3] ?? 0) / 3600
  return /[SW]/i.test(m[4] ?? '') ? -decimal : decimal
}

/** `+47.3700+008.5400+408.000/` as QuickTime and MP4 store a recording location. */
export function iso6709(value: string | undefined): GpsPosition | undefined {
  const m = /^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?/.exec(value?.trim() ?? '')
  if (!m) return undefined
  const position: GpsPosition = { latitude: Number(m[1]), longitude: Number(m[2]) }
  if (m[3] !== undefined) position.altitude = Number(m[3])
  return plausible(position) ? position : undefined
}

export function plausible(p: GpsPosition): boolean {
  return Math.abs(p.latitude) <= 90 && Math.abs(p.longitude) <= 180 && !(p.latitude === 0 && p.longitude === 0)
}

/** MediaInfo's display form of a recording location: `47.369995°N 8.539993°E`. */
export function degreesNorthEast(value: string | undefined): GpsPosition | undefined {
  const m = /([\d.]+)°\s*([NS])\W+([\d.]+)°\s*([EW])/i.exec(value ?? '')
  if (!m) return iso6709(value)
  const latitude = Number(m[1]) * (/s/i.test(m[2] ?? '') ? -1 : 1)
  const longitude = Number(m[3]) * (/w/i.test(m[4] ?? '') ? -1 : 1)
  const position = { latitude, longitude }
  return plausible(position) ? position : undefined
}
