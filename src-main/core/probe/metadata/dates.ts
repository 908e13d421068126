/**
 * Capture dates from EXIF, IPTC-IIM and XMP as ISO 8601. A date is never moved into this
 * computer's time zone: without an offset in the file it stays local time as shot.
 */
const pad = (n: string, width: number): string => n.padStart(width, '0')

function offset(raw: string | undefined): string {
  if (!raw) return ''
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(raw.trim())
  if (m) return `${m[1]}${m[2]}:${m[3]}`
  return raw.trim() === 'Z' ? 'Z' : ''
}

function valid(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  return y > 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 24 && mi <= 59 && s <= 60
}

/** EXIF `YYYY:MM:DD HH:MM:SS` (+ SubSecTimeOriginal, OffsetTimeOriginal). */
export function exifDate(value: string | undefined, subSec?: string, offsetTime?: string): string | undefined {
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value?.trim() ?? '')
  if (!m) return undefined
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number]
  if (!valid(y, mo, d, h, mi, s)) return undefined
  const fraction = subSec && /^\d+$/.test(subSec.trim()) ? `.${subSec.trim()}` : ''
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${fraction}${offset(offsetTime)}`
}

/** IPTC-IIM 2:55 `CCYYMMDD` and 2:60 `HHMMSS±HHMM`. */
export function iimDate(date: string | undefined, time: string | undefined): string | undefined {
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(date?.trim() ?? '')
  if (!d || !valid(Number(d[1]), Number(d[2]), Number(d[3]))) return undefined
  const day = `${d[1]}-${d[2]}-${d[3]}`
  const t = /^(\d{2})(\d{2})(\d{2})([+-]\d{4})?$/.exec(time?.trim() ?? '')
  return t ? `${day}T${t[1]}:${t[2]}:${t[3]}${offset(t[4])}` : day
}

/** XMP dates are ISO 8601 already, possibly shortened (`2024`, `2024-05`, no seconds). */
export function xmpDate(value: string | undefined): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(
    value?.trim() ?? '',
  )
  if (!m) return undefined
  const [, y, mo, d, h, mi, s, frac, tz] = m
  if (!mo) return y
  if (!d) return `${y}-${mo}`
  if (!valid(Number(y), Number(mo), Number(d))) return undefined
  if (!h) return `${y}-${mo}-${d}`
  return `${y}-${mo}-${d}T${h}:${mi}:${pad(s ?? '00', 2)}${frac ?? ''}${offset(tz)}`
}
