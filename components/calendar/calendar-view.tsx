'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { ConnectionIndicator } from '@/components/ui/connection-indicator';
import { AwayPanel } from './away-panel';
import { useCalendarChannels } from './calendar-live';
import { MonthView } from './month-view';
import { UpcomingEvents } from './upcoming-events';
import { useEvents } from './use-events';

/**
 * The band's calendar: what is coming (with answers), a month at a glance, away dates. `planning` holds the
 * features' own "Plan a show" / "Plan a practice" buttons, passed in by the page so this view does not import the
 * features that build on it.
 */
export function CalendarView({ bandId, now, planning }: { bandId: string; now: number; planning: ReactNode }) {
  const connection = useCalendarChannels(bandId);
  const next = useEvents(bandId, now);
  const all = useEvents(bandId);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">Calendar</h2>
        <ConnectionIndicator channel={connection} />
      </div>
      <div className="flex flex-wrap gap-2">
        {planning}
      </div>
      <UpcomingEvents bandId={bandId} events={next} empty="Nothing planned yet. Plan a show or a practice." />
      <MonthView events={all} today={new Date(now).toISOString().slice(0, 10)} />
      <AwayPanel bandId={bandId} />
      <nav aria-label="More calendar" className="flex flex-wrap gap-4 text-sm">
        <Link href={`/bands/${bandId}/availability`} className="inline-flex min-h-11 min-w-11 items-center justify-center text-amp-400 underline">Availability grid</Link>
        <Link href="/settings/calendar" className="inline-flex min-h-11 min-w-11 items-center justify-center text-amp-400 underline">Subscribe from your calendar app</Link>
      </nav>
    </div>
  );
}
