'use client';

import { useEffect, useRef, useState, type ChangeEvent, type ReactNode } from 'react';

type NotesInput<E extends HTMLInputElement | HTMLTextAreaElement> = {
  id: string;
  error?: string;
  /** A format hint shown under the field and read with it ("m:ss, e.g. 3:45"). */
  hint?: string;
  /** The field's length limit: a live "12 / 80" counter, never a cut (the validation says when it is too long). */
  limit?: number;
  value?: unknown;
  defaultValue?: unknown;
  onChange?: (event: ChangeEvent<E>) => void;
};

/** "1,234 / 2,000", and how far over when it is: the one place a length limit is shown. */
export function countLabel(length: number, limit: number): string {
  const fmt = (n: number) => n.toLocaleString('en');
  const base = `${fmt(length)} / ${fmt(limit)}`;
  return length > limit ? `${base}, ${fmt(length - limit)} too many` : base;
}

/**
 * What a field says under itself (hint, character counter, error), each with an id tied to the control through
 * aria-describedby. The counter follows typing, a controlled value and a form reset (which fires no input event).
 */
export function useFieldNotes<E extends HTMLInputElement | HTMLTextAreaElement>({ id, error, hint, limit, value, defaultValue, onChange }: NotesInput<E>) {
  const ref = useRef<E>(null);
  const [typed, setTyped] = useState(String(value ?? defaultValue ?? '').length);
  const length = value !== undefined ? String(value ?? '').length : typed;

  useEffect(() => {
    const form = ref.current?.form;
    if (!form || limit === undefined) return;
    // reset fires before the fields are restored: read them once it is done.
    const onReset = () => setTimeout(() => setTyped(ref.current?.value.length ?? 0));
    form.addEventListener('reset', onReset);
    return () => form.removeEventListener('reset', onReset);
  }, [limit]);

  const ids = { hint: `${id}-hint`, count: `${id}-count`, error: `${id}-error` };
  const over = limit !== undefined && length > limit;
  const describedBy = [hint && ids.hint, limit !== undefined && ids.count, error && ids.error].filter(Boolean).join(' ') || undefined;
  const notes: ReactNode = (
    <>
      {hint || limit !== undefined ? (
        <span className="flex justify-between gap-3 text-xs text-zinc-400">
          {hint ? <span id={ids.hint}>{hint}</span> : <span />}
          {limit !== undefined ? (
            <span id={ids.count} data-over={over || undefined} className="shrink-0 tabular-nums data-over:font-semibold data-over:text-red-300">
              {countLabel(length, limit)}
            </span>
          ) : null}
        </span>
      ) : null}
      {error ? (
        <span id={ids.error} className="text-xs text-red-300">
          {error}
        </span>
      ) : null}
    </>
  );
  return {
    ref,
    describedBy,
    invalid: error ? true : undefined,
    notes,
    onChange: (event: ChangeEvent<E>) => {
      setTyped(event.target.value.length);
      onChange?.(event);
    },
  };
}

export const CONTROL_CLASS =
  'min-h-11 rounded-lg border border-white/15 bg-stage-950 px-3 py-2 text-base text-zinc-100 outline-none focus:border-amp-400 aria-invalid:border-red-400 sm:text-sm';
