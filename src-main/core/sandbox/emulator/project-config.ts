/**
 * The sample project config the Sandbox serves (resources/sandbox/project-config.json), and a check
 * that a config handed to the emulator has the parts the import validation relies on, so a broken
 * config fails at start with a message instead of as odd validation answers later.
 */
import sampleConfig from '../../../../resources/sandbox/project-config.json'
import type { ProjectConfig } from './types'

const KINDS = ['mediaImage', 'mediaVideo', 'mediaFile']

export function loadSampleProjectConfig(): ProjectConfig {
  return checkProjectConfig(structuredClone(sampleConfig))
}

export function checkProjectConfig(config: unknown): ProjectConfig {
  const problems = projectConfigProblems(config)
  if (problems.length > 0) throw new Error(`Invalid project config: ${problems.join('; ')}`)
  return config as ProjectConfig
}

function projectConfigProblems(config: unknown): string[] {
  const c = config as Partial<ProjectConfig> | null
  if (typeof c !== 'object' || c === null) return ['it must be an object']
  const problems: string[] = []
  if (typeof c.settings !== 'object' || c.settings === null) problems.push('settings must be an object')
  const languages = c.settings?.languages
  if (languages !== undefined) {
    if (!Array.isArray(languages.available) || languages.available.some((l) => typeof l?.locale !== 'string')) {
      problems.push('settings.languages.available must be a list of { label, locale }')
    }
  }
  if (!Array.isArray(c.mediaTypes)) return [...problems, 'mediaTypes must be an array']
  const handles = new Set<string>()
  c.mediaTypes.forEach((mediaType, i) => {
    const where = `mediaTypes[${i}]`
    if (typeof mediaType?.handle !== 'string') problems.push(`${where}.handle must be a string`)
    else if (handles.has(mediaType.handle)) problems.push(`${where}.handle '${mediaType.handle}' is used twice`)
    else handles.add(mediaType.handle)
    if (!KINDS.includes(mediaType?.type)) problems.push(`${where}.type must be one of ${KINDS.join(', ')}`)
    if (!Array.isArray(mediaType?.metadata)) {
      problems.push(`${where}.metadata must be an array`)
      return
    }
    mediaType.metadata.forEach((prop, j) => {
      if (typeof prop?.handle !== 'string' || typeof prop.type !== 'string') {
        problems.push(`${where}.metadata[${j}] needs a handle and a type (string)`)
      }
    })
  })
  return problems
}
