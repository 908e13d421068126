/** One labelled text or password field of the profile editor, its hint tied to it for screen readers. */
import { useId } from 'react'

interface Props {
  label: string
  value: string
  onChange(value: string): void
  type?: 'text' | 'password'
  hint?: string
  placeholder?: string
  required?: boolean
}

export function ProfileField({ label, value, onChange, type = 'text', hint, placeholder, required }: Props) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="text-input"
        type={type}
        value={value}
        placeholder={placeholder}
        required={required}
        // Secrets are never remembered by the browser layer either.
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        spellCheck={false}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
    </div>
  )
}
