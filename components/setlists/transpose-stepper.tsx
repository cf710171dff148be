'use client';

import { Minus, Plus } from 'lucide-react';
import { semitoneLabel } from '@/lib/setlists/transpose';

const MIN = -11;
const MAX = 11;
const step = 'flex size-11 items-center justify-center rounded-lg border border-white/15 text-zinc-200 hover:border-amp-400 disabled:opacity-40';

/**
 * Semitones up or down for this item (−11…+11). Two large buttons rather than a 23-option select: one tap per
 * semitone on a phone, and a row of sixty of these stays light to render while a drag moves them all.
 */
export function TransposeStepper({ title, value, onChange }: { title: string; value: number; onChange: (semitones: number) => void }) {
  return (
    <div role="group" aria-label={`Transpose ${title}`} className="flex items-center gap-1">
      <button type="button" className={step} aria-label={`Transpose ${title} down`} disabled={value <= MIN} onClick={() => onChange(value - 1)}>
        <Minus aria-hidden className="size-4" />
      </button>
      <output aria-live="polite" aria-label={`Transposed by ${semitoneLabel(value)} semitones`} data-field="transpose" className="w-7 text-center text-sm tabular-nums">
        {semitoneLabel(value)}
      </output>
      <button type="button" className={step} aria-label={`Transpose ${title} up`} disabled={value >= MAX} onClick={() => onChange(value + 1)}>
        <Plus aria-hidden className="size-4" />
      </button>
    </div>
  );
}
