'use client';

import { useId, useState, type FormEvent } from 'react';
import type { Song } from '@/lib/database.types';
import { GOAL_MAX } from '@/lib/validation/practice';
import { Button } from '@/components/ui/button';
import type { AgendaActions } from './use-agenda-actions';

const control = 'min-h-11 w-full rounded-lg border border-white/15 bg-stage-950 px-3 text-zinc-100 outline-none focus:border-amp-400 aria-invalid:border-red-400';

/** A band song not on the agenda yet, with an optional goal. */
export function AddToAgenda({ songs, actions }: { songs: Song[]; actions: AgendaActions }) {
  const id = useId();
  const [songId, setSongId] = useState('');
  const [goal, setGoal] = useState('');
  const chosen = songs.some((song) => song.id === songId) ? songId : '';
  const tooLong = goal.length > GOAL_MAX;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || tooLong) return;
    void actions.add(chosen, goal.trim() || null);
    setSongId('');
    setGoal('');
  };

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} className="flex flex-col gap-3 rounded-2xl border border-white/10 bg-stage-900 p-4">
      <h3 id={`${id}-title`} className="font-semibold text-amp-400">
        Add to the agenda
      </h3>
      {songs.length === 0 ? (
        <p className="text-sm text-zinc-400">Every song of the band is on the agenda (or the band has no songs yet).</p>
      ) : (
        <>
          <label htmlFor={`${id}-song`} className="flex flex-col gap-1 text-sm">
            <span className="text-zinc-300">Song</span>
            <select id={`${id}-song`} value={chosen} onChange={(event) => setSongId(event.target.value)} className={control}>
              <option value="">Choose a song…</option>
              {songs.map((song) => (
                <option key={song.id} value={song.id}>
                  {song.title}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={`${id}-goal`} className="flex flex-col gap-1 text-sm">
            <span className="text-zinc-300">
              Goal, optional <span className={tooLong ? 'text-red-300' : 'text-zinc-400'}>({goal.length}/{GOAL_MAX})</span>
            </span>
            <input
              id={`${id}-goal`}
              value={goal}
              onChange={(event) => setGoal(event.target.value)}
              placeholder="Fix the bridge"
              aria-invalid={tooLong || undefined}
              aria-describedby={tooLong ? `${id}-goal-error` : undefined}
              className={control}
            />
            {tooLong ? (
              <span id={`${id}-goal-error`} className="text-xs text-red-300">
                A goal is at most {GOAL_MAX} characters
              </span>
            ) : null}
          </label>
          <Button type="submit" className="min-h-11 self-start" disabled={!chosen || tooLong}>
            Add to agenda
          </Button>
        </>
      )}
    </form>
  );
}
