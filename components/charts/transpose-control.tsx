'use client';

import { useState } from 'react';
import { clampOffset } from '@/lib/charts/offset';
import { CONTROL_CLASS } from '@/components/ui/field-notes';

/**
 * "Preview in another key": a number field from −11 to +11. Typing outside the range (±50) keeps the nearest
 * allowed value and says so, rather than silently ignoring the input.
 */
export function TransposeControl({ value, onChange }: { value: number; onChange: (semitones: number) => void }) {
  const [typed, setTyped] = useState(String(value));
  const [message, setMessage] = useState<string>();
  const commit = (raw: string) => {
    const { semitones, message: refusal } = clampOffset(raw.trim() === '' ? 0 : Number(raw));
    setMessage(refusal);
    setTyped(String(semitones));
    onChange(semitones);
  };
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor="chart-transpose" className="text-zinc-300">
        Preview transposed (semitones)
      </label>
      <input
        id="chart-transpose"
        type="number"
        inputMode="numeric"
        min={-11}
        max={11}
        step={1}
        value={typed}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? 'chart-transpose-note' : undefined}
        className={`${CONTROL_CLASS} w-28`}
        onChange={(event) => {
          setTyped(event.target.value);
          const number = Number(event.target.value);
          if (event.target.value !== '' && Number.isInteger(number) && Math.abs(number) <= 11) {
            setMessage(undefined);
            onChange(number);
          }
        }}
        onBlur={(event) => commit(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event.currentTarget.value);
        }}
      />
      {message ? (
        <p id="chart-transpose-note" role="alert" className="text-amber-200">
          {message}
        </p>
      ) : null}
    </div>
  );
}
