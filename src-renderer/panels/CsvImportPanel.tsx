/**
 * A metadata CSV keyed by relative path (relativePath, title, title.fr, externalId…): main
 * previews every cell that would change, with its value before and after, and the lines whose
 * file is not in this session; "Apply" changes exactly those cells, as one undoable step. The
 * file must be UTF-8: its bytes are checked here, since `File.text()` would silently turn an Excel
 * "CSV (Windows)" export's `é` into `�`.
 */
import { useState } from 'react'
import type { CsvPreview } from '../../src-main/contract'
import { decodeCsvBytes } from '../../src-shared/csv/csv-bytes'
import { api } from '../api'
import { runEdit } from '../grid/grid-actions'
import { useAppStore } from '../store/app-store'
import { reportFailure } from '../store/report-failure'

const n = (count: number): string => count.toLocaleString('en')

export function CsvImportPanel() {
  const [text, setText] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [preview, setPreview] = useState<CsvPreview | null>(null)
  const [done, setDone] = useState('')
  const columns = useAppStore((s) => s.columns)
  const labelOf = (field: string) => columns.find((c) => c.field === field)?.label ?? field

  const choose = async (file: File | undefined) => {
    if (!file) return
    setDone('')
    setPreview(null)
    try {
      const content = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()))
      setText(content)
      setName(file.name)
      setPreview(await api.previewMetadataCsv({ text: content }))
    } catch (err) {
      reportFailure(err, `Could not read ${file.name}`)
    }
  }
  const apply = async () => {
    if (text === null) return
    const outcome = await runEdit(`Could not apply ${name}`, () => api.applyMetadataCsv({ text }))
    if (!outcome) return
    setDone(`${n(outcome.changed)} cell(s) changed in ${n(outcome.rows)} row(s). Undo reverts them all.`)
    setPreview(null)
  }
  return (
    <div className="panel-form">
      <label className="field">
        CSV file (relativePath, then columns such as title, title.fr, externalId)
        <input type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />
      </label>
      {preview && (
        <>
          <p className="find-count" aria-live="polite">
            {n(preview.changeCount)} cell(s) will change; {n(preview.matched)} of {n(preview.records)} line(s) name a
            file of this session.
            {preview.refusedCount > 0 &&
              ` ${n(preview.refusedCount)} cell(s) cannot change (${preview.refused[0]?.message ?? ''}).`}
          </p>
          {preview.unknownCount > 0 && (
            <details>
              <summary>{n(preview.unknownCount)} line(s) name no file of this session</summary>
              <ul className="find-samples">
                {preview.unknownPaths.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </details>
          )}
          {preview.ignoredColumns.length > 0 && (
            <p className="hint">
              Not applied here: {preview.ignoredColumns.join(', ')} (per-language files; the CLI imports them).
            </p>
          )}
          <table className="csv-preview">
            <caption className="sr-only">Cells that will change</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Column</th>
                <th scope="col">Now</th>
                <th scope="col">Then</th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.map((c) => (
                <tr key={`${c.rowId}-${c.field}`}>
                  <td>{c.relativePath}</td>
                  <td>{labelOf(c.field)}</td>
                  <td>
                    <del>{c.before}</del>
                  </td>
                  <td>
                    <ins>{c.after}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button" disabled={preview.changeCount === 0} onClick={() => void apply()}>
            Apply {n(preview.changeCount)} change(s)
          </button>
        </>
      )}
      {done && (
        <p className="find-count" aria-live="polite">
          {done}
        </p>
      )}
    </div>
  )
}
