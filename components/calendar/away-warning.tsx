'use client';

import { awayOn, formatRange } from '@/lib/calendar/events';
import { useUnavailableDatesStore } from '@/lib/live/stores';
import { useCalendarMe } from './calendar-live';

/** "Sam is away on 5 May 2027 (on tour 3–9 May 2027)": shown while planning and on the event, live. */
export function AwayWarning({ date, testId = 'away-conflict' }: { date: string; testId?: string }) {
  const { userId, members } = useCalendarMe();
  const away = awayOn(date, useUnavailableDatesStore((state) => state.rows));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || away.length === 0) return null;
  const name = (id: string) => (id === userId ? 'You' : (members.find((member) => member.user_id === id)?.display_name ?? 'A member'));
  return (
    <div role="status" data-testid={testId} className="rounded-lg border border-amber-400/40 px-3 py-2 text-sm text-amber-200">
      <p className="font-semibold">Not everyone is free on {formatRange(date, date)}:</p>
      <ul className="list-disc pl-5">
        {away.map((range) => (
          <li key={range.id}>
            {name(range.user_id)} {range.user_id === userId ? 'are' : 'is'} away {formatRange(range.starts_on, range.ends_on)}
            {range.note ? ` (${range.note})` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
