'use client';

import { memo, useState } from 'react';
import { useCalendarMe } from '@/components/calendar/calendar-live';
import type { LearnState } from '@/lib/database.types';
import { LEARN_STATES } from '@/lib/validation/practice';
import { FormMessage } from '@/components/ui/form-message';
import { useSetMyLearnStatus } from './use-learn-status';

// Learn status as the band sees it: a chip per member (coloured and worded, never colour alone) and, for the
// member looking, one tap to say where they are with the song.

const CHIP: Record<LearnState | 'unset', string> = {
  new: 'border-sky-400/50 text-sky-200',
  learning: 'border-amber-400/60 text-amber-200',
  ready: 'border-emerald-400/60 text-emerald-200',
  unset: 'border-dashed border-white/20 text-zinc-400',
};
const WORD: Record<LearnState | 'unset', string> = { new: 'new', learning: 'learning', ready: 'ready', unset: 'not set' };

/** Every member's status for one song; `statuses` is member id → state for this song. */
export const LearnChips = memo(function LearnChips({ title, statuses }: { title: string; statuses: Map<string, LearnState> | undefined }) {
  const { members } = useCalendarMe();
  return (
    <ul aria-label={`Learn status for ${title}`} className="flex flex-wrap gap-1">
      {members.map((member) => {
        const state = statuses?.get(member.user_id) ?? 'unset';
        return (
          <li key={member.user_id} data-member={member.display_name} data-status={state} className={`rounded-full border px-2 py-0.5 text-xs ${CHIP[state]}`}>
            {member.display_name}: {WORD[state]}
          </li>
        );
      })}
    </ul>
  );
});

/** My status for one song as three pressed/unpressed buttons (one tap), each ≥ 44 px. */
export const MyLearnStatus = memo(function MyLearnStatus({ bandId, songId, title, status }: { bandId: string; songId: string; title: string; status: LearnState | undefined }) {
  const setStatus = useSetMyLearnStatus(bandId);
  const [error, setError] = useState<string | undefined>();
  const choose = async (next: LearnState) => {
    const result = await setStatus(songId, title, next);
    setError(result.status === 'invalid' ? result.errors?.form : undefined);
  };
  return (
    <div className="flex flex-col gap-1">
      <div role="group" aria-label={`My status for ${title}`} className="flex w-fit overflow-hidden rounded-lg border border-white/15">
        {LEARN_STATES.map((state) => (
          <button
            key={state}
            type="button"
            aria-pressed={status === state}
            onClick={() => void choose(state)}
            className="min-h-11 min-w-11 px-3 text-sm text-zinc-200 hover:bg-white/5 aria-pressed:bg-amp-500 aria-pressed:font-semibold aria-pressed:text-stage-950 focus-visible:outline-2 focus-visible:outline-amp-400"
          >
            {state[0]!.toUpperCase() + state.slice(1)}
          </button>
        ))}
      </div>
      <FormMessage message={error} />
    </div>
  );
});
