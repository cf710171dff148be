'use client';

import { formatMinutes, useElapsed } from './item-timer';

/**
 * Time since the room started against the set's planned length (the show's set times, else the setlist's), and
 * the planned end on the venue's clock when the show has one.
 */
export function SetClock({ startedAt, plannedSeconds, endsAt }: { startedAt: string; plannedSeconds: number | null; endsAt?: string }) {
  const elapsed = useElapsed(startedAt);
  const over = plannedSeconds !== null && elapsed > plannedSeconds;
  return (
    <p data-field="set-clock" className={`font-mono text-xl ${over ? 'text-red-300' : 'text-zinc-100'}`} aria-label={`Set time ${formatMinutes(elapsed)}${plannedSeconds !== null ? ` of ${formatMinutes(plannedSeconds)}` : ''}`}>
      {formatMinutes(elapsed)}
      {plannedSeconds !== null ? <span className="text-zinc-400"> / {formatMinutes(plannedSeconds)}</span> : null}
      {over ? <span className="ml-2 text-base">over by {formatMinutes(elapsed - plannedSeconds)}</span> : null}
      {endsAt ? <span className="ml-2 text-base text-zinc-400">· ends {endsAt}</span> : null}
    </p>
  );
}
