import type { InputHTMLAttributes } from 'react';

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  /** Extra classes for the input itself (className styles the label around it). */
  inputClassName?: string;
};

/** A labelled input whose error is announced with it (aria-describedby) and shown right under it. */
export function Field({ label, name, error, className, inputClassName, id, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const errorId = `${inputId}-error`;
  return (
    <label htmlFor={inputId} className={`flex flex-col gap-1 text-sm ${className ?? ''}`}>
      <span className="text-zinc-300">{label}</span>
      <input
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`rounded-lg border border-white/15 bg-stage-950 px-3 py-2 text-zinc-100 outline-none focus:border-amp-400 aria-invalid:border-red-400 ${inputClassName ?? ''}`}
        {...input}
      />
      {error ? (
        <span id={errorId} className="text-xs text-red-300">
          {error}
        </span>
      ) : null}
    </label>
  );
}
