'use client';

import Link from 'next/link';
import type { AvailabilityAnswer } from '@/lib/database.types';
import { awayFor } from '@/lib/calendar/events';
import { formatDate } from '@/lib/calendar/zoned';
import { useAvailabilityStore, useUnavailableDatesStore } from '@/lib/live/stores';
import { ConnectionIndicator } from '@/components/ui/connection-indicator';
import { useCalendarChannels, useCalendarMe } from './calendar-live';
import { useEvents } from './use-events';

const CELL: Record<AvailabilityAnswer | 'away' | 'none', [string, string]> = {
  yes: ['Yes', 'bg-emerald-500/25 text-emerald-100'],
  maybe: ['Maybe', 'bg-amber-400/25 text-amber-100'],
  no: ['No', 'bg-red-400/25 text-red-100'],
  away: ['Away', 'bg-red-400/10 text-red-200'],
  none: ['—', 'text-zinc-400'],
};

/** Members × upcoming events, for whoever plans the calendar; "Away" where a member blocked the date and did not answer. */
export function AvailabilityGrid({ bandId, now }: { bandId: string; now: number }) {
  const connection = useCalendarChannels(bandId);
  const { userId, members } = useCalendarMe();
  const events = useEvents(bandId, now).filter((event) => !event.cancelled);
  const answers = useAvailabilityStore((state) => state.rows);
  const away = useUnavailableDatesStore((state) => state.rows);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">Availability</h2>
        <ConnectionIndicator channel={connection} />
      </div>
      {events.length === 0 ? <p className="text-sm text-zinc-300">No upcoming shows or practices.</p> : (
        <div role="region" aria-label="Availability grid, scrolls sideways" tabIndex={0} className="max-w-full overflow-x-auto">
          <table className="min-w-full border-collapse text-sm" data-testid="availability-grid">
            <caption className="sr-only">Every member’s answer for each upcoming show and practice</caption>
            <thead>
              <tr>
                <th scope="col" className="sticky left-0 bg-stage-950 p-2 text-left">Member</th>
                {events.map((event) => (
                  <th key={event.id} scope="col" className="min-w-28 p-2 text-left font-normal">
                    <Link href={event.href} className="inline-flex min-h-11 items-center font-semibold underline">{event.title}</Link>
                    <span className="block text-xs text-zinc-400">{formatDate(event.startsAt, event.zone)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.user_id} className="border-t border-white/5">
                  <th scope="row" className="sticky left-0 bg-stage-950 p-2 text-left font-semibold">{member.user_id === userId ? `${member.display_name} (you)` : member.display_name}</th>
                  {events.map((event) => {
                    const answer = answers.find((row) => row.event_id === event.id && row.user_id === member.user_id);
                    const isAway = awayFor(event, away).some((range) => range.user_id === member.user_id);
                    const [label, tone] = CELL[answer?.answer ?? (isAway ? 'away' : 'none')];
                    return (
                      <td key={event.id} className={`p-2 ${tone}`} title={answer?.note ?? undefined}>
                        {label}
                        {answer && isAway ? <span className="block text-xs">(away that day)</span> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
