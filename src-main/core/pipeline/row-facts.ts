/**
 * What a probe result changes on a grid row: facts, status (`probed`, or `unreadable` with
 * the reason) and the prefill for the row's media type. Pure; the scan runner applies it.
 */
import type { ProjectModel } from '../model/livingdocs'
import { chooseMediaType, type MediaTypeDefaults } from '../prefill/media-type'
import { prefillMetadata } from '../prefill/prefill'
import type { Row, RowChange } from '../model/row'
import type { MetadataPrefill } from '../model/prefill'
import type { ProbeFacts, ProbeResult } from '../model/probe-facts'
import { step } from './row-step'

export interface PrefillContext {
  project?: ProjectModel
  defaults?: MediaTypeDefaults
}

/** Every key of ProbeFacts, once: a fact added to the model and not listed here fails to compile. */
const FACT_FLAGS: Record<keyof ProbeFacts, true> = {
  sha256: true,
  kind: true,
  mimeType: true,
  extension: true,
  width: true,
  height: true,
  duration: true,
  orientation: true,
  codec: true,
  animated: true,
  embedded: true,
}
const FACT_KEYS = Object.keys(FACT_FLAGS) as (keyof ProbeFacts)[]

function fileNameOf(relativePath: string): string {
  return relativePath.slice(relativePath.lastIndexOf('/') + 1)
}

/** The keys of `from` that are set, and only those. */
function pickDefined<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {}
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key]
  return out
}

export function rowFactsFromProbe(
  row: Pick<Row, 'relativePath'> & Partial<Pick<Row, 'rowId' | 'status'>>,
  probe: ProbeResult,
  context: PrefillContext = {},
): RowChange {
  // A row is probed once, from `scanned` (the walk's rows, or a crashed run's left-overs).
  const at = { ...row, status: row.status ?? 'scanned' }
  let warnings = probe.warnings
  let prefill: MetadataPrefill | undefined
  if (probe.kind) {
    const mediaType = chooseMediaType(context.project, probe.kind, context.defaults)
    prefill = prefillMetadata({ fileName: fileNameOf(row.relativePath), embedded: probe.embedded }, mediaType)
    if (!mediaType && context.project) {
      warnings = [
        ...probe.warnings,
        {
          code: 'unsupported-image',
          message: `The project has no media type for ${probe.kind}s; choose one for this row.`,
        },
      ]
    }
  }
  const facts = { size: probe.size, warnings, ...pickDefined(probe, FACT_KEYS), ...(prefill ? { prefill } : {}) }
  if (probe.error) {
    return { ...facts, ...step(at, 'probe-failed'), reason: probe.error.message, probeError: probe.error }
  }
  return { ...facts, ...step(at, 'probe-ok') }
}
