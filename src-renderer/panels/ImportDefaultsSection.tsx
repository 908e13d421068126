/**
 * The grid's import defaults kept in the profile in use (its `import` section): the systemName
 * rows get when they set none, and the batch limits. Saved to the profile; main then opens the
 * session again with them, so they apply at once.
 */
import { useEffect, useState } from 'react'
import { api } from '../api'
import { useAppStore } from '../store/app-store'
import { useWorkspaceStore } from '../store/workspace-store'
import { ProfileField as Field } from './ProfileField'

export function ImportDefaultsSection() {
  const info = useAppStore((s) => s.appInfo)
  const summary = useWorkspaceStore((s) => s.profiles?.find((p) => p.profile.name === info?.profileName))
  const loadProfiles = useWorkspaceStore((s) => s.loadProfiles)
  const [values, setValues] = useState({ systemName: '', batchSize: '', batchBytes: '' })
  const [status, setStatus] = useState('')
  useEffect(() => {
    const section = summary?.profile.import
    if (section) {
      setValues({
        systemName: section.systemName,
        batchSize: section.batchSize?.toString() ?? '',
        batchBytes: section.batchBytes?.toString() ?? '',
      })
    }
  }, [summary])

  if (info?.mode === 'sandbox') {
    return <p className="hint">The Sandbox imports with its own defaults; a saved profile keeps its own below.</p>
  }
  if (!summary) return <p className="hint">The profile in use is not among the saved profiles.</p>

  const number = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : text.trim() || undefined)
  const save = async () => {
    const { profile } = summary
    const section = {
      systemName: values.systemName.trim(),
      batchSize: number(values.batchSize),
      batchBytes: number(values.batchBytes),
    }
    const cleaned = Object.fromEntries(Object.entries(section).filter(([, v]) => v !== undefined))
    try {
      const saved = await api.saveProfile({
        profile: { ...profile, import: cleaned as never },
        previousName: profile.name,
      })
      // The open session imports with this profile, so main opened it again with the new values.
      setStatus(saved.reopened?.message ?? 'Saved. A new import uses them.')
      await loadProfiles()
    } catch (err) {
      const field = (err as { field?: string }).field
      setStatus(`Not saved — ${field ? `${field}: ` : ''}${err instanceof Error ? err.message : String(err)}`)
    }
  }
  const field = (key: keyof typeof values, label: string, hint?: string) => (
    <Field
      label={label}
      value={values[key]}
      onChange={(v) => setValues((s) => ({ ...s, [key]: v }))}
      {...(hint ? { hint } : {})}
    />
  )
  return (
    <form
      className="panel-form"
      aria-label={`Import defaults of ${summary.profile.name}`}
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      {field('systemName', 'Default systemName')}
      {field('batchSize', 'Batch size (entries)', "Empty: the app's default")}
      {field('batchBytes', 'Batch size (bytes)', "Empty: the app's default")}
      <button type="submit" className="button">
        Save defaults
      </button>
      {status && (
        <p className="hint" aria-live="polite">
          {status}
        </p>
      )}
    </form>
  )
}
