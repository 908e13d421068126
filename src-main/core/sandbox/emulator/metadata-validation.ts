/**
 * Checks an entry's metadata (and each translation's) against its media type's properties.
 * Every problem is collected, so one answer names all the cells an editor must fix.
 * `required` applies to the main metadata only: a translation may leave any property out.
 */
import type { PluginContext } from './metadata-plugins'
import { checkPluginValue, isEmptyValue } from './metadata-plugins'
import type { MediaTypeConfig, MetadataErrorItem, MetadataPropertyConfig } from './types'

export interface MetadataScope {
  /** Set when checking a translation's metadata. */
  translationLocale?: string
}

export function validateMetadata(
  mediaType: MediaTypeConfig,
  metadata: Record<string, unknown>,
  ctx: PluginContext,
  scope: MetadataScope = {},
): MetadataErrorItem[] {
  const errors: MetadataErrorItem[] = []
  const push = (metadataProperty: string, message: string): void => {
    const item: MetadataErrorItem = { metadataProperty, message }
    if (scope.translationLocale !== undefined) item.translationLocale = scope.translationLocale
    errors.push(item)
  }
  const properties = new Map(mediaType.metadata.map((p) => [p.handle, p]))

  for (const [handle, value] of Object.entries(metadata)) {
    const prop = properties.get(handle)
    if (!prop) {
      push(handle, `The metadata property '${handle}' is not defined for media type '${mediaType.handle}'`)
      continue
    }
    if (scope.translationLocale !== undefined && prop.config?.translatable !== true) {
      push(handle, `The metadata property '${handle}' is not translatable`)
      continue
    }
    // Reported once, by the required check below.
    if (isRequired(prop, scope) && isEmptyValue(value)) continue
    for (const message of checkPluginValue(prop, value, ctx)) push(handle, message)
  }

  for (const prop of properties.values()) {
    if (isRequired(prop, scope) && isEmptyValue(metadata[prop.handle])) {
      push(prop.handle, prop.config?.requiredErrorMessage ?? `The value of '/${prop.handle}' is required`)
    }
  }
  return errors
}

function isRequired(prop: MetadataPropertyConfig, scope: MetadataScope): boolean {
  return scope.translationLocale === undefined && prop.config?.required === true
}
