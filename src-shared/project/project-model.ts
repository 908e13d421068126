/**
 * Reads `GET /projectConfig` into the compact model the importer, validation and grid use:
 * media types by handle with their kind, properties (plugin type + the config that can reject
 * values), translatable flags and EXIF mappings, plus the project's languages. Pure.
 * Unknown plugin config is ignored rather than guessed; media types of an unknown `type`
 * cannot be imported into and are left out.
 */
import type { MediaKind } from '../../src-main/core/model/row'
import type { ExifMapping, MediaTypeModel, ProjectModel, PropertyModel } from '../../src-main/core/model/livingdocs'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

const kindOfType: Record<string, MediaKind> = { mediaImage: 'image', mediaVideo: 'video', mediaFile: 'file' }

/** What the server adds at runtime when a project configures no media type (media-types docs). */
const FALLBACK_IMAGE_TYPE: MediaTypeModel = {
  handle: 'image',
  kind: 'image',
  label: 'Image',
  assetTranslatable: false,
  translationsEnabled: false,
  properties: ['title', 'caption', 'source', 'description'].map((handle) => ({
    handle,
    plugin: 'li-text',
    label: handle,
    required: false,
    translatable: false,
  })),
  exifMappings: [],
}

function readProperty(raw: unknown): PropertyModel | undefined {
  if (!isObj(raw)) return undefined
  const handle = str(raw.handle)
  const plugin = str(raw.type)
  if (!handle || !plugin) return undefined
  const config = isObj(raw.config) ? raw.config : {}
  const ui = isObj(raw.ui) ? raw.ui : {}
  const property: PropertyModel = {
    handle,
    plugin,
    label: str(ui.label) ?? handle,
    required: config.required === true,
    translatable: config.translatable === true,
  }
  const requiredMessage = str(config.requiredErrorMessage)
  if (requiredMessage) property.requiredMessage = requiredMessage
  const minLength = num(config.minLength)
  const maxLength = num(config.maxLength)
  const minValue = num(config.minValue)
  const maxValue = num(config.maxValue)
  const maxItems = num(config.maxItems)
  if (minLength !== undefined) property.minLength = minLength
  if (maxLength !== undefined) property.maxLength = maxLength
  if (minValue !== undefined) property.minValue = minValue
  if (maxValue !== undefined) property.maxValue = maxValue
  if (maxItems !== undefined) property.maxItems = maxItems
  if (typeof config.allowNewlines === 'boolean') property.allowNewlines = config.allowNewlines
  const provider = isObj(config.dataProvider) ? config.dataProvider : undefined
  if (provider && Array.isArray(provider.items)) {
    property.allowedValues = provider.items
      .map((item) => (isObj(item) ? item.value : undefined))
      .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
  }
  return property
}

function readExifMappings(raw: unknown): ExifMapping[] {
  const mappings = isObj(raw) ? arr(raw.mappings) : []
  const out: ExifMapping[] = []
  for (const m of mappings) {
    if (!isObj(m)) continue
    const field = str(m.field)
    const property = str(m.metadataPropertyName)
    if (field && property) out.push({ field, property })
  }
  return out
}

function readMediaType(raw: unknown): MediaTypeModel | undefined {
  if (!isObj(raw)) return undefined
  const handle = str(raw.handle)
  const kind = kindOfType[str(raw.type) ?? '']
  if (!handle || !kind) return undefined
  const info = isObj(raw.info) ? raw.info : {}
  const asset = isObj(raw.asset) ? raw.asset : {}
  const properties = arr(raw.metadata)
    .map(readProperty)
    .filter((p): p is PropertyModel => p !== undefined)
  return {
    handle,
    kind,
    label: str(info.label) ?? handle,
    assetTranslatable: asset.translatable === true,
    translationsEnabled: properties.some((p) => p.plugin === 'li-metadata-translations'),
    properties,
    exifMappings: kind === 'image' ? readExifMappings(raw.exifExtraction) : [],
  }
}

/** The config object itself, whether the answer is the config or wraps it. */
function unwrapConfig(body: unknown): Obj {
  if (!isObj(body)) return {}
  if ('mediaTypes' in body || 'settings' in body) return body
  for (const key of ['projectConfig', 'config']) {
    const inner = body[key]
    if (isObj(inner)) return inner
  }
  return body
}

export function readProjectModel(body: unknown): ProjectModel {
  const config = unwrapConfig(body)
  const declared = arr(config.mediaTypes).length > 0
  const mediaTypes = arr(config.mediaTypes)
    .map(readMediaType)
    .filter((t): t is MediaTypeModel => t !== undefined)
  const settings = isObj(config.settings) ? config.settings : {}
  const languages = isObj(settings.languages) ? settings.languages : {}
  const locales = arr(languages.available)
    .map((l) => (isObj(l) ? str(l.locale) : undefined))
    .filter((l): l is string => l !== undefined)
  const defaultLocale = isObj(languages.defaultLanguage) ? str(languages.defaultLanguage.locale) : undefined
  return {
    mediaTypes: declared ? mediaTypes : [FALLBACK_IMAGE_TYPE],
    languages: defaultLocale ? { locales, defaultLocale } : { locales },
  }
}

export function findMediaType(model: ProjectModel, handle: string | undefined): MediaTypeModel | undefined {
  return handle === undefined ? undefined : model.mediaTypes.find((t) => t.handle === handle)
}

/** The media type a new row of this kind starts with: the one whose handle is the kind, else the first of the kind. */
export function defaultMediaTypeFor(model: ProjectModel, kind: MediaKind): MediaTypeModel | undefined {
  const ofKind = model.mediaTypes.filter((t) => t.kind === kind)
  return ofKind.find((t) => t.handle === kind) ?? ofKind[0]
}
