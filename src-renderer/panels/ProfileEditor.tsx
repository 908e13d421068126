/**
 * Create or edit a saved profile: every field of the profile format (README "Profiles"). The token
 * and S3 keys are typed into password fields and sent once with saveProfile; they are never shown
 * back, only whether they are saved. An error from main names the field; it is shown under the form.
 */
import { useState } from 'react'
import type { ProfileSecrets, ProfileSummary } from '../../src-main/contract'
import { api } from '../api'
import { ProfileField as Field } from './ProfileField'
import { emptyProfileForm, formFromProfile, profileFromForm, TARGET_KINDS, type ProfileForm } from './profile-form'
import { secretsToEnterAgain } from './secret-rebind'

interface Props {
  /** Absent: a new profile. */
  editing?: ProfileSummary
  onDone(saved: boolean): void
}

export function ProfileEditor({ editing, onDone }: Props) {
  const [form, setForm] = useState<ProfileForm>(() => (editing ? formFromProfile(editing.profile) : emptyProfileForm()))
  const [secrets, setSecrets] = useState<Required<ProfileSecrets>>({ token: '', accessKeyId: '', secretAccessKey: '' })
  const [error, setError] = useState('')
  const [saving, setSaving] = useState(false)
  const put = (change: Partial<ProfileForm>) => setForm((f) => ({ ...f, ...change }))
  const text = (key: keyof ProfileForm) => ({
    value: form[key] as string,
    onChange: (value: string) => put({ [key]: value } as Partial<ProfileForm>),
  })

  const save = async () => {
    setSaving(true)
    setError('')
    // Empty password fields keep what is saved; only what was typed is sent.
    const typed = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== '')) as ProfileSecrets
    try {
      const saved = await api.saveProfile({
        profile: profileFromForm(form) as never,
        ...(Object.keys(typed).length > 0 ? { secrets: typed } : {}),
        ...(editing ? { previousName: editing.profile.name } : {}),
      })
      // Saved; but when the open session could not take the new values (a wrong token), stay to fix them.
      if (saved.reopened && !saved.reopened.ok) setError(saved.reopened.message)
      // A secret forgotten because its address changed: stay, so it can be typed for the new one.
      else if (saved.secretNotes?.length) setError(saved.secretNotes.join(' '))
      else onDone(true)
    } catch (err) {
      const field = (err as { field?: string }).field
      setError(`${field ? `${field}: ` : ''}${err instanceof Error ? err.message : String(err)}`)
    } finally {
      setSaving(false)
    }
  }

  const again = editing ? secretsToEnterAgain(editing.profile, form) : {}
  const tokenSaved = again.token ?? (editing?.hasToken ? 'saved (type to replace)' : 'missing')
  const keysSaved = again.keys ?? (editing?.hasKeys ? 'saved (type to replace)' : 'missing')
  return (
    <form
      className="panel-form profile-editor"
      aria-label={editing ? `Edit profile ${editing.profile.name}` : 'New profile'}
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <Field label="Profile name" {...text('name')} required />
      <fieldset className="field">
        <legend>Livingdocs</legend>
        <Field label="Livingdocs URL" {...text('url')} placeholder="https://edit.example.com" required />
        <Field label="API version" {...text('apiVersion')} hint='"auto" or a version such as 2026-05' />
        <Field
          label="Access token"
          type="password"
          value={secrets.token}
          onChange={(token) => setSecrets((s) => ({ ...s, token }))}
          hint={`Kept in the system keychain only. ${tokenSaved}`}
        />
        <Field label="Token variable for the CLI" {...text('tokenEnv')} hint="Empty: named after the profile" />
        <Field label="Editor link" {...text('editorUrl')} hint="Optional, with {mediaId}" />
      </fieldset>
      <fieldset className="field">
        <legend>Storage (S3)</legend>
        <Field label="S3 endpoint" {...text('endpoint')} hint="Empty: AWS itself" />
        <Field label="Region" {...text('region')} required />
        <label className="inline">
          <input
            type="checkbox"
            checked={form.forcePathStyle}
            onChange={(e) => put({ forcePathStyle: e.target.checked })}
          />
          Path-style addressing (MinIO and other S3-compatible stores)
        </label>
        <label className="field">
          Credentials
          <select
            value={form.credentials}
            onChange={(e) => put({ credentials: e.target.value as ProfileForm['credentials'] })}
          >
            <option value="keys">Access key typed here</option>
            <option value="aws-profile">A named AWS profile</option>
            <option value="chain">The standard AWS chain (environment, SSO)</option>
          </select>
        </label>
        {form.credentials === 'aws-profile' && <Field label="AWS profile" {...text('awsProfile')} />}
        {form.credentials === 'keys' && (
          <>
            <Field
              label="S3 access key id"
              type="password"
              value={secrets.accessKeyId}
              onChange={(accessKeyId) => setSecrets((s) => ({ ...s, accessKeyId }))}
              hint={`Keys: ${keysSaved}`}
            />
            <Field
              label="S3 secret key"
              type="password"
              value={secrets.secretAccessKey}
              onChange={(secretAccessKey) => setSecrets((s) => ({ ...s, secretAccessKey }))}
            />
          </>
        )}
        {TARGET_KINDS.map((kind) => (
          <fieldset key={kind} className="field">
            <legend>{kind[0]!.toUpperCase() + kind.slice(1)}s</legend>
            {(['bucket', 'publicUrl', 'prefix'] as const).map((part) => (
              <Field
                key={part}
                label={`${kind} ${part === 'publicUrl' ? 'public URL' : part}`}
                value={form.targets[kind][part]}
                onChange={(value) =>
                  put({ targets: { ...form.targets, [kind]: { ...form.targets[kind], [part]: value } } })
                }
              />
            ))}
          </fieldset>
        ))}
        <label className="inline">
          <input
            type="checkbox"
            checked={form.videoPublicRead}
            onChange={(e) => put({ videoPublicRead: e.target.checked })}
          />
          Upload videos public-read
        </label>
        <Field label="Multipart from (MiB)" {...text('thresholdMiB')} hint="Empty: 16" />
        <Field label="Part size (MiB)" {...text('partSizeMiB')} hint="Empty: 16" />
      </fieldset>
      <fieldset className="field">
        <legend>Import defaults</legend>
        <Field label="Default systemName" {...text('systemName')} required />
        <Field label="Batch size (entries)" {...text('batchSize')} hint="Empty: the app's default" />
        <Field label="Batch size (bytes)" {...text('batchBytes')} hint="Empty: the app's default" />
      </fieldset>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="inline">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save profile'}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
