/**
 * What a probe result changes on a grid row: facts, status (`probed`, or `unreadable` with
 * the reason) and the prefill for the row's media type. Pure; the scan runner applies it.
 */
import type { ProjectModel } from '../model/livingdocs'
import { chooseMediaType, type MediaTypeDefaults } from '../prefill/media-type'
import { prefillMetadata } from '../prefill/prefill'
import type { Row } from '../model/row'
import type { ProbeResult } from '../model/probe-facts'
import { step } from './row-step'

export interface PrefillContext {
  project?: ProjectModel
  defaults?: MediaTypeDefaults
}

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
  const facts = [
    'sha256',
    'kind',
    'mimeType',
    'extension',
    'width',
    'height',
    'duration',
    'orientation',
    'codec',
    'animated',
    'embedded',
  ] as const
  for (const key of facts) {
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
