/**
 * "Link to the existing entry" makes a row imported with an entry the library already held, whose
 * metadata may differ from the row's. The editor may push the row's metadata to it: first the
 * fields that would change are shown (the entry is looked up: its values and version), then the
 * push makes the row a pending correction against exactly those values and sends it like any
 * other (update-rows.ts), with that version, so a change made meanwhile is still a conflict. The
 * window passes the version its preview showed: an entry changed between the preview and the
 * editor's yes is a 409 on the row, never overwritten with changes the editor did not see.
 * Values only the library holds are kept: the push sets the row's values, it removes nothing.
 */
import { isLinkedRow, type LinkedRow } from '../../../src-shared/rows/row-guards'
import type { Session } from '../session/session'
import { entryVersion, metadataPatches } from '../../../src-shared/rows/update-plan'
import type { LinkedPushPreview, UpdateReport } from './types'
import { updateRows, type UpdateApi } from './update-rows'

export type { LinkedFieldChange, LinkedPushPreview } from './types'

function linkedRow(session: Session, rowId: string): LinkedRow {
  const row = session.getRow(rowId)
  if (!isLinkedRow(row))
    throw new Error(`Row ${rowId} is not linked to a library entry, so there is nothing to push to.`)
  return row
}

async function libraryEntry(api: UpdateApi, row: LinkedRow, signal?: AbortSignal): Promise<Record<string, unknown>> {
  const mediaId = row.result.mediaId
  const remote = (await api.getEntriesByIds([mediaId], signal))[0]?.record
  if (!remote)
    throw new Error(`The library no longer holds media id ${mediaId}, so ${row.relativePath} cannot push to it.`)
  return remote
}

/** The row's metadata over the library's: only the row's own values change. */
function pushed(row: LinkedRow, library: Record<string, unknown>): Record<string, unknown> {
  return { ...library, ...row.entry.metadata }
}

export async function previewLinkedPush(
  session: Session,
  api: UpdateApi,
  rowId: string,
  signal?: AbortSignal,
): Promise<LinkedPushPreview> {
  const row = linkedRow(session, rowId)
  const remote = await libraryEntry(api, row, signal)
  const library = (remote.metadata ?? {}) as Record<string, unknown>
  const changes = metadataPatches(library, pushed(row, library)).map((patch) => ({
    field: `metadata.${patch.propertyName}`,
    library: library[patch.propertyName],
    row: patch.value,
  }))
  const version = entryVersion(remote)
  return { rowId, mediaId: row.result.mediaId, changes, ...(version === undefined ? {} : { version }) }
}

/** Makes each linked row a correction against the library's current entry, then sends them. */
export async function pushLinkedMetadata(
  session: Session,
  api: UpdateApi,
  rowIds: readonly string[],
  options: { signal?: AbortSignal; versions?: Readonly<Record<string, number>> } = {},
): Promise<UpdateReport> {
  const { signal } = options
  for (const rowId of rowIds) {
    const row = linkedRow(session, rowId)
    const remote = await libraryEntry(api, row, signal)
    const library = (remote.metadata ?? {}) as Record<string, unknown>
    const version = options.versions?.[rowId] ?? entryVersion(remote)
    const record = { ...row.result.record, metadata: library, ...(version === undefined ? {} : { version }) }
    // confirmed = the library's values; the entry = the row's over them: the diff is the push.
    session.updateRow(rowId, {
      result: { mediaId: row.result.mediaId, record },
      entry: { ...row.entry, metadata: pushed(row, library) },
      update: { state: 'pending', confirmed: library },
    })
  }
  return updateRows(session, api, { rowIds, ...(signal ? { signal } : {}) })
}
