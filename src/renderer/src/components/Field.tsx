// A labelled form control with an optional hint; the label is always visible (no placeholder-only fields).
import { useId, type ReactNode } from 'react';

export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: ReactNode;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint ? <div className="hint">{hint}</div> : null}
    </div>
  );
}

export function TextField({
  label,
  value,
  onChange,
  hint,
  type = 'text',
  placeholder,
  readOnly,
  autoComplete = 'off',
  name,
}: {
  label: string;
  value: string;
  onChange?: (value: string) => void;
  hint?: ReactNode;
  type?: 'text' | 'password' | 'email' | 'search';
  placeholder?: string;
  readOnly?: boolean;
  autoComplete?: string;
  name?: string;
}) {
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <input
          id={id}
          name={name}
          type={type}
          value={value}
          placeholder={placeholder}
          readOnly={readOnly}
          autoComplete={autoComplete}
          spellCheck={false}
          onChange={(e) => onChange?.(e.target.value)}
        />
      )}
    </Field>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  hint,
  name,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  hint?: ReactNode;
  name?: string;
}) {
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
