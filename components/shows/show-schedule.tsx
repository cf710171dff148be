'use client';

import { useEffect, useState } from 'react';
import type { ShowRow } from '@/lib/database.types';
import { formatZonedTime, viewerTime } from '@/lib/calendar/zoned';
import { deviceZone } from '@/lib/validation/schedule';

const STEPS = [
  ['load_in_at', 'Load-in'],
  ['soundcheck_at', 'Soundcheck'],
  ['doors_at', 'Doors'],
  ['starts_at', 'Show starts'],
  ['set_start_at', 'Set starts'],
  ['set_end_at', 'Set ends'],
] as const;

/** The viewer's zone, known only in the browser; null during the server render so hydration matches. */
export function useViewerZone(): string | null {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => setZone(deviceZone()), []);
  return zone;
}

/** Load-in → set end on the venue's wall clock (zone named), each with the viewer's own time where it differs. */
export function ShowSchedule({ show }: { show: ShowRow }) {
  const viewer = useViewerZone();
  const steps = STEPS.filter(([field]) => show[field]).sort(([a], [b]) => Date.parse(show[a]!) - Date.parse(show[b]!));
  return (
    <ol aria-label="Schedule" className="flex flex-col gap-1 text-sm">
      {steps.map(([field, label]) => {
        const at = show[field]!;
        const yours = viewer ? viewerTime(at, show.time_zone, viewer) : null;
        return (
          <li key={field} className="flex flex-wrap justify-between gap-2 border-b border-white/5 py-1">
            <span className="text-zinc-300">{label}</span>
            <span data-testid={`schedule-${field}`}>
              {formatZonedTime(at, show.time_zone)}
              {yours ? <span className="text-zinc-400"> · {yours}</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
