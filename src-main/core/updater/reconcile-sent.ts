/**
 * A PATCH whose answer never came (the process died, the connection dropped, the server timed
 * out): the entry is looked up and compared before anything is sent again, like
 * importer/reconcile-interrupted.ts does for imports. Our values in the library mean it landed;
 * the old version with other values means it did not (send it again); anything else means the
 * entry changed in Livingdocs meanwhile, which is a conflict the editor resolves. Pure.
 */
import type { MetadataPatch, RowUpdate } from '../model/row'
import { entryVersion, sameJson } from '../../../src-shared/rows/update-plan'

export type SentVerdict =
  | { kind: 'landed'; version: number | undefined }
  | { kind: 'not-landed' }
  | { kind: 'conflict'; version: number | undefined }
  | { kind: 'gone' }

/** `null` and an absent property are the same: setMetadataProperty with null removes it. */
const same = (a: unknown, b: unknown): boolean => sameJson(a ?? null, b ?? null)

export function judgeSent(
  sent: NonNullable<RowUpdate['sent']>,
  confirmed: Record<string, unknown>,
  remote: Record<string, unknown> | undefined,
): SentVerdict {
  if (!remote) return { kind: 'gone' }
  const version = entryVersion(remote)
  const metadata = (remote.metadata ?? {}) as Record<string, unknown>
  const holds = (patch: MetadataPatch): boolean => same(metadata[patch.propertyName], patch.value)
  if (sent.patches.every(holds)) return { kind: 'landed', version }
  const unchanged = sent.patches.every((p) => same(metadata[p.propertyName], confirmed[p.propertyName]))
  if (sent.version !== undefined ? version === sent.version : unchanged) return { kind: 'not-landed' }
  return { kind: 'conflict', version }
}

/** `values` with the patches applied (null removes). */
export function applyPatches(
  values: Record<string, unknown>,
  patches: readonly MetadataPatch[],
): Record<string, unknown> {
  const out = { ...values }
  for (const patch of patches) {
    if (patch.value === null || patch.value === undefined) delete out[patch.propertyName]
    else out[patch.propertyName] = patch.value
  }
  return out
}
