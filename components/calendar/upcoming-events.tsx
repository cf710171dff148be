'use client';

import { Drum, Mic } from 'lucide-react';
import Link from 'next/link';
import type { CalendarEvent } from '@/lib/calendar/events';
import { dateIn, formatDate, formatZonedTime } from '@/lib/calendar/zoned';
import { AwayWarning } from './away-warning';
import { EventAvailability } from './event-availability';

/** Shows and practices as cards: when (venue clock, zone named), my one-tap answer and the band's counts. */
export function UpcomingEvents({ bandId, events, empty }: { bandId: string; events: CalendarEvent[]; empty: string }) {
  if (events.length === 0) return <p className="text-sm text-zinc-300">{empty}</p>;
  return (
    <ul aria-label="Upcoming events" className="flex flex-col gap-3">
      {events.map((event) => {
        const Icon = event.kind === 'show' ? Mic : Drum;
        return (
          <li key={event.id} data-testid={`event-${event.id}`} className="flex flex-col gap-2 rounded-2xl border border-white/10 bg-stage-900 p-4">
            <div className="flex items-start gap-3">
              <Icon aria-hidden className="mt-1 size-5 shrink-0 text-amp-400" />
              <div className="flex min-w-0 flex-col">
                <Link href={event.href} className={`flex min-h-11 items-center text-lg font-semibold underline-offset-4 hover:underline ${event.cancelled ? 'line-through' : ''}`}>
                  <span className="sr-only">{event.kind === 'show' ? 'Show: ' : 'Practice: '}</span>
                  {event.title}
                </Link>
                <span className="text-sm text-zinc-200">
                  {formatDate(event.startsAt, event.zone)} · {formatZonedTime(event.startsAt, event.zone)}
                </span>
                {event.cancelled ? <span className="text-sm font-semibold text-red-300" data-testid="event-cancelled">Cancelled</span> : null}
              </div>
            </div>
            {event.cancelled ? null : (
              <>
                <EventAvailability bandId={bandId} kind={event.kind} eventId={event.id} title={event.title} />
                <AwayWarning date={dateIn(event.startsAt, event.zone)} testId={`away-${event.id}`} />
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
