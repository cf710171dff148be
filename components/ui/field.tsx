'use client';

import type { InputHTMLAttributes } from 'react';
import { CONTROL_CLASS, useFieldNotes } from './field-notes';

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'maxLength'> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  /** Shown as a live counter and checked by validation; the input never cuts what is typed or pasted. */
  limit?: number;
  /** Extra classes for the input itself (className styles the label around it). */
  inputClassName?: string;
};

/** A labelled input whose hint, counter and error are read with it (aria-describedby) and shown under it. */
export function Field({ label, name, error, hint, limit, className, inputClassName, id, onChange, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const notes = useFieldNotes<HTMLInputElement>({ id: inputId, error, hint, limit, value: input.value, defaultValue: input.defaultValue, onChange });
  return (
    <label htmlFor={inputId} className={`flex min-w-0 flex-col gap-1 text-sm ${className ?? ''}`}>
      <span className="text-zinc-300">{label}</span>
      <input
        ref={notes.ref}
        id={inputId}
        name={name}
        aria-invalid={notes.invalid}
        aria-describedby={notes.describedBy}
        className={`${CONTROL_CLASS} ${inputClassName ?? ''}`}
        onChange={notes.onChange}
        {...input}
      />
      {notes.notes}
    </label>
  );
}
