/**
 * Templates kept per profile in one private file in the app's settings folder (`templates.json`
 * beside `profiles.json`; readable by the user only, core/fs/private-mode.ts). The file is read
 * again for every command, so a template corrected by hand is picked up without a restart, and
 * written atomically (temp file, fsync, rename). A file that cannot be read at all is copied
 * aside (`templates.json.damaged-<time>`) before the first write, so nothing in it is lost.
 * Without a file (a host that keeps no settings) the templates live as long as the process.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { writeFileAtomic } from '../fs/atomic-file'
import { PRIVATE_DIR_MODE } from '../fs/private-mode'
import { emptyTemplatesFile, parseTemplatesFile, templatesFileText, type TemplatesFile } from './template-file'
import { describeIssues, templateSchema, type Template, type TemplateList } from './template-schema'

export const TEMPLATES_FILE = 'templates.json'

/** A template the editor cannot save as asked: the message says what to change. */
export class TemplateError extends Error {
  override name = 'TemplateError'
}

export class TemplateStore {
  private memory = emptyTemplatesFile()

  /** `file` undefined: kept in memory only. */
  constructor(readonly file?: string) {}

  async list(profile: string): Promise<TemplateList> {
    const data = await this.read()
    return { templates: data.profiles.get(profile)?.templates ?? [], problems: data.problems }
  }

  async get(profile: string, name: string): Promise<Template | undefined> {
    return (await this.list(profile)).templates.find((t) => t.name === name)
  }

  /** Saves a template, replacing the one named `previousName` (a rename) or its own name. */
  async save(profile: string, raw: unknown, previousName?: string): Promise<Template> {
    const parsed = templateSchema.safeParse(raw)
    if (!parsed.success) throw new TemplateError(`The template cannot be saved: ${describeIssues(parsed.error)}.`)
    const template = parsed.data
    const data = await this.read()
    const own = data.profiles.get(profile) ?? { templates: [], kept: [] }
    const replaced = previousName ?? template.name
    if (template.name !== replaced && own.templates.some((t) => t.name === template.name)) {
      throw new TemplateError(`A template named "${template.name}" exists already: choose another name.`)
    }
    const at = own.templates.findIndex((t) => t.name === replaced)
    const templates = [...own.templates]
    if (at === -1) templates.push(template)
    else templates[at] = template
    data.profiles.set(profile, { ...own, templates })
    await this.write(data)
    return template
  }

  async rename(profile: string, from: string, to: string): Promise<Template> {
    const template = await this.get(profile, from)
    if (!template) throw new TemplateError(`There is no template named "${from}" any more.`)
    return this.save(profile, { ...template, name: to }, from)
  }

  async remove(profile: string, name: string): Promise<boolean> {
    const data = await this.read()
    const own = data.profiles.get(profile)
    if (!own?.templates.some((t) => t.name === name)) return false
    data.profiles.set(profile, { ...own, templates: own.templates.filter((t) => t.name !== name) })
    await this.write(data)
    return true
  }

  private async read(): Promise<TemplatesFile> {
    if (!this.file) return this.memory
    const file = this.file
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined
      throw err
    })
    return text === undefined ? emptyTemplatesFile() : parseTemplatesFile(text, file)
  }

  private async write(data: TemplatesFile): Promise<void> {
    if (!this.file) {
      this.memory = data
      return
    }
    const dir = dirname(this.file)
    await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
    if (data.unreadable) {
      const aside = `${this.file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`
      await copyFile(this.file, aside)
    }
    await writeFileAtomic(this.file, (write) => write(templatesFileText(data)))
  }
}
