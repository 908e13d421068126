/**
 * The templates file read and written as text: `{ "format": 1, "profiles": { "<profile>": [ … ] } }`.
 * Reading never throws: what cannot be used is reported in plain words and kept as it was (an
 * entry that fails its schema stays in the file untouched, so a typo fixed by hand brings it
 * back), and only the valid templates are offered. Pure.
 */
import { claimedName, describeIssues, templateSchema, type Template } from './template-schema'

export const TEMPLATES_FORMAT = 1

export interface ProfileTemplates {
  templates: Template[]
  /** Entries of the file that are not valid templates, kept as they are when the file is written. */
  kept: unknown[]
}

export interface TemplatesFile {
  profiles: Map<string, ProfileTemplates>
  /** What is wrong with the file, one sentence each; empty when all is well. */
  problems: string[]
  /** The file could not be read at all (not JSON, wrong shape): it must be set aside before a write. */
  unreadable: boolean
}

export const emptyTemplatesFile = (): TemplatesFile => ({ profiles: new Map(), problems: [], unreadable: false })

export function parseTemplatesFile(text: string, file: string): TemplatesFile {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err)
    return unreadable(`The templates file ${file} is not valid JSON (${why})`)
  }
  const root = raw as { format?: unknown; profiles?: unknown } | null
  if (typeof root !== 'object' || root === null || typeof root.profiles !== 'object' || root.profiles === null) {
    return unreadable(`The templates file ${file} does not list templates per profile ("profiles" is missing)`)
  }
  if (root.format !== TEMPLATES_FORMAT) {
    return unreadable(`The templates file ${file} has format ${String(root.format)}, which this version cannot read`)
  }
  const result = emptyTemplatesFile()
  for (const [profile, entries] of Object.entries(root.profiles as Record<string, unknown>)) {
    if (!Array.isArray(entries)) {
      result.problems.push(`Templates of profile "${profile}" in ${file} are not a list: they were left out.`)
      continue
    }
    const own: ProfileTemplates = { templates: [], kept: [] }
    entries.forEach((entry, i) => {
      const parsed = templateSchema.safeParse(entry)
      const duplicate = parsed.success && own.templates.some((t) => t.name === parsed.data.name)
      if (parsed.success && !duplicate) return void own.templates.push(parsed.data)
      own.kept.push(entry)
      const why = parsed.success ? 'its name is used twice' : describeIssues(parsed.error)
      result.problems.push(
        `Template ${claimedName(entry, i)} of profile "${profile}" in ${file} cannot be used (${why}): it is kept in the file as it is; correct it there or delete it.`,
      )
    })
    result.profiles.set(profile, own)
  }
  return result
}

function unreadable(why: string): TemplatesFile {
  return {
    profiles: new Map(),
    problems: [`${why}. It is kept beside as a copy when a template is next saved; no other setting is affected.`],
    unreadable: true,
  }
}

export function templatesFileText(file: TemplatesFile): string {
  const profiles: Record<string, unknown[]> = {}
  for (const [name, own] of file.profiles) {
    if (own.templates.length + own.kept.length > 0) profiles[name] = [...own.templates, ...own.kept]
  }
  return `${JSON.stringify({ format: TEMPLATES_FORMAT, profiles }, null, 2)}\n`
}
