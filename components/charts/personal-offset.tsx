'use client';

import { useId, useState, useTransition } from 'react';
import { Minus, Plus } from 'lucide-react';
import { setChartOffset } from '@/lib/actions/chart-offsets';
import { clampOffset, OFFSET_MAX, OFFSET_MIN } from '@/lib/charts/offset';
import { semitoneLabel } from '@/lib/setlists/transpose';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

type Props = { bandId: string; songId: string; value: number; onChange: (semitones: number) => void };

/**
 * The offset as played: with a capo on fret 2 a guitarist plays shapes two semitones below the sounding key, so
 * "−2" is also "capo 2"; a move up has no capo (a transposing instrument), so it is just "+2".
 */
export function offsetWords(semitones: number): string {
  return semitones < 0 ? `${semitoneLabel(semitones)} (capo ${-semitones})` : semitoneLabel(semitones);
}

/**
 * The member's own offset for a song's chart (only they see it): a stepper that saves each step through
 * setChartOffset and reports the saved value; a refused save keeps the last saved value and says why.
 */
export function PersonalOffset({ bandId, songId, value, onChange }: Props) {
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  const labelId = useId();

  const step = (by: number) => {
    const { semitones } = clampOffset(value + by);
    if (semitones === value) return;
    startTransition(async () => {
      try {
        const result = await setChartOffset({ bandId, songId, semitones });
        if (result.status === 'saved') {
          setMessage(undefined);
          onChange(result.semitones);
        } else setMessage(result.message);
      } catch {
        setMessage('Could not reach the server; your offset was not saved.');
      }
    });
  };

  return (
    <div className="flex flex-col gap-1">
      <div role="group" aria-labelledby={labelId} className="flex flex-wrap items-center gap-2">
        <span id={labelId} className="text-sm text-zinc-300">
          My offset
        </span>
        <Button type="button" variant="secondary" aria-label="My offset down a semitone" disabled={pending || value <= OFFSET_MIN} onClick={() => step(-1)}>
          <Minus aria-hidden className="size-4" />
        </Button>
        <output data-offset={value} aria-live="polite" className="min-w-16 text-center font-semibold tabular-nums">
          {offsetWords(value)}
        </output>
        <Button type="button" variant="secondary" aria-label="My offset up a semitone" disabled={pending || value >= OFFSET_MAX} onClick={() => step(1)}>
          <Plus aria-hidden className="size-4" />
        </Button>
      </div>
      <FormMessage message={message} />
    </div>
  );
}
