'use client';

import type { TextareaHTMLAttributes } from 'react';
import { CONTROL_CLASS, useFieldNotes } from './field-notes';

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'maxLength'> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  /** Shown as a live counter and checked by validation; a long paste is kept whole, never cut. */
  limit?: number;
};

/** The multi-line Field: same label, hint, counter and error wiring. */
export function Textarea({ label, name, error, hint, limit, className, id, onChange, rows = 3, ...area }: TextareaProps) {
  const areaId = id ?? `field-${name}`;
  const notes = useFieldNotes<HTMLTextAreaElement>({ id: areaId, error, hint, limit, value: area.value, defaultValue: area.defaultValue, onChange });
  return (
    <label htmlFor={areaId} className={`flex min-w-0 flex-col gap-1 text-sm ${className ?? ''}`}>
      <span className="text-zinc-300">{label}</span>
      <textarea
        ref={notes.ref}
        id={areaId}
        name={name}
        rows={rows}
        aria-invalid={notes.invalid}
        aria-describedby={notes.describedBy}
        className={CONTROL_CLASS}
        onChange={notes.onChange}
        {...area}
      />
      {notes.notes}
    </label>
  );
}
