/**
 * Custom entry ids (ARCHITECTURE.md, "A row's life"): generated once when a row is created, so the id mapping can be
 * exported before anything is imported and every retry of a row sends the same id.
 */
import { randomUUID } from 'node:crypto'

/** The server's rule for a custom `id` (`^[a-zA-Z0-9-]{1,32}$`). */
export const ENTRY_ID_RULE = /^[a-zA-Z0-9-]{1,32}$/

/** 32 hex digits: a UUID's 122 random bits without its dashes, so it fits the 32-character limit. */
export function newEntryId(uuid: () => string = randomUUID): string {
  return uuid().replaceAll('-', '').toLowerCase()
}
