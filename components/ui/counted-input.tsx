'use client';

import { useId, useState, type ComponentProps } from 'react';

type Props = Omit<ComponentProps<'input'>, 'maxLength' | 'defaultValue'> & {
  label: string;
  name: string;
  limit: number;
  defaultValue?: string;
  error?: string;
};

/**
 * A labelled text input (starting from `defaultValue`, then the user's) with a live "12 / 80" counter read with it (aria-describedby). The input never cuts
 * what is typed or pasted: going over says so here and the validation refuses it, in words, on save.
 */
export function CountedInput({ label, name, limit, defaultValue = '', error, id, onChange, ...input }: Props) {
  const fallbackId = useId();
  const inputId = id ?? fallbackId;
  // Held here rather than left to the DOM: React resets a form after its action runs, and the text (and so the
  // count) must stay what the user typed, refused or saved.
  const [value, setValue] = useState(defaultValue);
  const length = value.length;
  const over = length > limit;
  const describedBy = [`${inputId}-count`, error ? `${inputId}-error` : null].filter(Boolean).join(' ');
  return (
    <label htmlFor={inputId} className="flex min-w-0 flex-col gap-1 text-sm">
      <span className="text-zinc-300">{label}</span>
      <input
        id={inputId}
        name={name}
        value={value}
        aria-invalid={error || over ? true : undefined}
        aria-describedby={describedBy}
        className="min-h-11 rounded-lg border border-white/15 bg-stage-950 px-3 py-2 text-base text-zinc-100 outline-none focus:border-amp-400 aria-invalid:border-red-400 sm:text-sm"
        onChange={(event) => {
          setValue(event.target.value);
          onChange?.(event);
        }}
        {...input}
      />
      <span id={`${inputId}-count`} data-over={over || undefined} className="self-end text-xs tabular-nums text-zinc-400 data-over:font-semibold data-over:text-red-300">
        {over ? `${length} / ${limit}, ${length - limit} too many` : `${length} / ${limit}`}
      </span>
      {error ? (
        <span id={`${inputId}-error`} className="text-xs text-red-300">
          {error}
        </span>
      ) : null}
    </label>
  );
}
