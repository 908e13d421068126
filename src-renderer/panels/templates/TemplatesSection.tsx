/**
 * Templates ("stationery pads") in the bulk panel: saved per profile in the app's settings folder
 * (core/templates), listed with their fields, applied to the selected rows as one undoable step
 * (more than one row asks first, naming the count), renamed and deleted. "Save as template" puts
 * the panel's column, mode and value into the template of that name (a new one, or one more
 * field of an existing one); "From active row" takes the metadata values of the active row.
 */
import { useCallback, useEffect, useState } from 'react'
import type { Template, TemplateField, TemplateList } from '../../../src-main/contract'
import { templateFieldsFromEntry } from '../../../src-shared/templates/template-fields'
import { api } from '../../api'
import { runEdit, targetRowIds } from '../../grid/grid-actions'
import { useAppStore } from '../../store/app-store'
import { reportFailure } from '../../store/report-failure'
import { describeField, withField } from './template-text'
import './templates.css'

interface Props {
  /** The panel's column, mode and value, as "Save as template" keeps them. */
  current: TemplateField | null
  label: (field: string) => string
}

const rowsText = (n: number) => `${n.toLocaleString('en')} row${n === 1 ? '' : 's'}`

export function TemplatesSection({ current, label }: Props) {
  const epoch = useAppStore((s) => s.sessionEpoch)
  const [list, setList] = useState<TemplateList>({ templates: [], problems: [] })
  const [name, setName] = useState('')
  const [confirm, setConfirm] = useState<{ name: string; rowIds: string[] } | null>(null)
  const [renaming, setRenaming] = useState<{ from: string; to: string } | null>(null)
  const [said, setSaid] = useState('')

  const run = useCallback(async (doing: string, work: () => Promise<TemplateList>) => {
    try {
      setList(await work())
      return true
    } catch (err) {
      reportFailure(err, doing)
      return false
    }
  }, [])

  useEffect(() => {
    void run('Could not list the templates', () => api.listTemplates())
  }, [run, epoch])

  const save = async (fields: TemplateField[], what: string) => {
    const trimmed = name.trim()
    if (!trimmed || fields.length === 0) return
    const exists = list.templates.some((t) => t.name === trimmed)
    const template: Template = { name: trimmed, fields }
    const ok = await run(`Could not save the template "${trimmed}"`, () =>
      api.saveTemplate(exists ? { template, previousName: trimmed } : { template }),
    )
    if (ok) setSaid(`${what} saved in template "${trimmed}".`)
  }
  const saveCurrent = () => {
    if (!current) return
    const existing = list.templates.find((t) => t.name === name.trim())
    void save(withField(existing, current), label(current.field))
  }
  const saveFromRow = () => {
    const s = useAppStore.getState()
    const row = s.active ? s.session.byId.get(s.active.rowId) : undefined
    const fields = templateFieldsFromEntry(row?.entry)
    if (fields.length === 0) return setSaid('The active row has no metadata values to keep in a template.')
    void save(fields, `${fields.length} value(s) of ${row?.relativePath ?? 'the active row'}`)
  }
  const apply = async (templateName: string, rowIds: string[]) => {
    setConfirm(null)
    const outcome = await runEdit(`Could not apply the template "${templateName}"`, () =>
      api.applyTemplate({ name: templateName, rowIds }),
    )
    if (outcome) setSaid(`"${templateName}": ${outcome.changed.toLocaleString('en')} cell(s) changed.`)
  }
  const askApply = (templateName: string) => {
    const rowIds = targetRowIds()
    if (rowIds.length === 0) return setSaid('Select rows first.')
    if (rowIds.length === 1) return void apply(templateName, rowIds)
    setConfirm({ name: templateName, rowIds })
  }
  const rename = async () => {
    if (!renaming) return
    const template = list.templates.find((t) => t.name === renaming.from)
    const to = renaming.to.trim()
    if (!template || !to || to === renaming.from) return setRenaming(null)
    const ok = await run(`Could not rename the template "${renaming.from}"`, () =>
      api.saveTemplate({ template: { ...template, name: to }, previousName: renaming.from }),
    )
    if (ok) setRenaming(null)
  }

  return (
    <section className="templates" aria-labelledby="templates-title">
      <h3 id="templates-title" className="panel-subtitle">
        Templates
      </h3>
      <div className="templates-save">
        <label className="field">
          Template name
          <input
            className="text-input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. AFP desk"
            maxLength={100}
          />
        </label>
        <div className="inline">
          <button type="button" className="button" disabled={!name.trim() || !current} onClick={saveCurrent}>
            Save as template
          </button>
          <button type="button" className="button button-quiet" disabled={!name.trim()} onClick={saveFromRow}>
            From active row
          </button>
        </div>
      </div>
      {list.problems.map((problem) => (
        <p key={problem} className="hint templates-problem" role="alert">
          {problem}
        </p>
      ))}
      {list.templates.length === 0 ? (
        <p className="hint">No templates for this profile yet.</p>
      ) : (
        <ul className="template-list" aria-label="Templates of this profile">
          {list.templates.map((t) => (
            <li key={t.name} className="template-item">
              {renaming?.from === t.name ? (
                <form
                  className="inline"
                  onSubmit={(e) => {
                    e.preventDefault()
                    void rename()
                  }}
                >
                  <input
                    className="text-input"
                    aria-label={`New name for template ${t.name}`}
                    value={renaming.to}
                    onChange={(e) => setRenaming({ from: t.name, to: e.target.value })}
                    autoFocus
                    maxLength={100}
                  />
                  <button type="submit" className="button">
                    Rename
                  </button>
                  <button type="button" className="button button-quiet" onClick={() => setRenaming(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <strong className="template-name">{t.name}</strong>
              )}
              <span className="hint">{t.fields.map((f) => describeField(f, label)).join(' · ')}</span>
              {confirm?.name === t.name ? (
                <div className="inline" role="group" aria-label={`Confirm template ${t.name}`}>
                  <button type="button" className="button" onClick={() => void apply(t.name, confirm.rowIds)} autoFocus>
                    Apply to {rowsText(confirm.rowIds.length)}
                  </button>
                  <button type="button" className="button button-quiet" onClick={() => setConfirm(null)}>
                    Cancel
                  </button>
                </div>
              ) : (
                <div className="inline">
                  {(
                    [
                      ['Apply', 'button', () => askApply(t.name)],
                      ['Rename', 'button button-quiet', () => setRenaming({ from: t.name, to: t.name })],
                      [
                        'Delete',
                        'button button-quiet',
                        () =>
                          void run(`Could not delete the template "${t.name}"`, () =>
                            api.deleteTemplate({ name: t.name }),
                          ),
                      ],
                    ] as const
                  ).map(([action, className, onClick]) => (
                    <button
                      key={action}
                      type="button"
                      className={className}
                      aria-label={`${action} template ${t.name}`}
                      onClick={onClick}
                    >
                      {action}
                    </button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="hint" aria-live="polite">
        {said}
      </p>
    </section>
  )
}
