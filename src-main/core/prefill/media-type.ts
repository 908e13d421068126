/**
 * The media type handle a row starts with. A project may define several handles of one type
 * (e.g. `image` and `press-photo`); the profile may name the default per kind, the editor can
 * change it per row. Otherwise the handle equal to the kind, else the first of that kind.
 */
import { defaultMediaTypeFor } from '../../../src-shared/project/project-model'
import type { MediaTypeModel, ProjectModel } from '../model/livingdocs'
import type { MediaKind } from '../model/row'

export type MediaTypeDefaults = Partial<Record<MediaKind, string>>

export function chooseMediaType(
  model: ProjectModel | undefined,
  kind: MediaKind,
  defaults: MediaTypeDefaults = {},
): MediaTypeModel | undefined {
  if (!model) return undefined
  const preferred = defaults[kind]
  const named = preferred ? model.mediaTypes.find((t) => t.handle === preferred && t.kind === kind) : undefined
  return named ?? defaultMediaTypeFor(model, kind)
}

/** The handles an editor may pick for a row of this kind. */
export function mediaTypeChoices(model: ProjectModel | undefined, kind: MediaKind): string[] {
  return model ? model.mediaTypes.filter((t) => t.kind === kind).map((t) => t.handle) : [kind]
}
