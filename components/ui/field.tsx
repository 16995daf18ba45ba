import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

export const inputClass =
  "block w-full rounded border border-neutral-400 bg-white px-3 py-2 text-base text-neutral-900 aria-[invalid=true]:border-red-700 dark:border-neutral-600 dark:bg-neutral-900 dark:text-neutral-100";

interface FieldProps {
  name: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  children?: ReactNode;
}

function FieldFrame({ name, label, errors, hint, children }: FieldProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-semibold">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-neutral-600 dark:text-neutral-400">
          {hint}
        </p>
      )}
      {errors?.map((error) => (
        <p key={error} id={`${name}-error`} className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ))}
    </div>
  );
}

function describedBy(name: string, errors?: string[], hint?: ReactNode) {
  return [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function TextField({ name, label, errors, hint, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame name={name} label={label} errors={errors} hint={hint}>
      <input id={name} name={name} className={inputClass} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(name, errors, hint)} {...input} />
    </FieldFrame>
  );
}

export function TextAreaField({ name, label, errors, hint, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame name={name} label={label} errors={errors} hint={hint}>
      <textarea id={name} name={name} className={inputClass} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(name, errors, hint)} {...input} />
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  errors,
  hint,
  options,
  ...input
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  return (
    <FieldFrame name={name} label={label} errors={errors} hint={hint}>
      <select id={name} name={name} className={inputClass} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(name, errors, hint)} {...input}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
