/**
 * What a probe result changes on a grid row: facts, status (`probed`, or `unreadable` with
 * the reason) and the prefill for the row's media type. Pure; the scan runner applies it.
 */
import type { ProjectModel } from '../model/livingdocs'
import { chooseMediaType, type MediaTypeDefaults } from '../prefill/media-type'
import { prefillMetadata } from '../prefill/prefill'
import type { Row } from '../model/row'
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

export function rowFactsFromProbe(
  row: Pick<Row, 'relativePath'> & Partial<Pick<Row, 'rowId' | 'status'>>,
  probe: ProbeResult,
  context: PrefillContext = {},
): Partial<Row> {
  const change: Partial<Row> = {
    size: probe.size,
    // A row is probed once, from `scanned` (the walk's rows, or a crashed run's left-overs).
    ...step({ ...row, status: row.status ?? 'scanned' }, probe.error ? 'probe-failed' : 'probe-ok'),
    warnings: probe.warnings,
  }
  for (const key of FACT_KEYS) {
    if (probe[key] !== undefined) (change as Record<string, unknown>)[key] = probe[key]
  }
  if (probe.error) {
    change.reason = probe.error.message
    change.probeError = probe.error
  }
  if (probe.kind) {
    const mediaType = chooseMediaType(context.project, probe.kind, context.defaults)
    change.prefill = prefillMetadata({ fileName: fileNameOf(row.relativePath), embedded: probe.embedded }, mediaType)
    if (!mediaType && context.project) {
      change.warnings = [
        ...probe.warnings,
        {
          code: 'unsupported-image',
          message: `The project has no media type for ${probe.kind}s; choose one for this row.`,
        },
      ]
    }
  }
  return change
}
