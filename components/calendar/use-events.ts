'use client';

import { useMemo } from 'react';
import { calendarEvents, upcoming, type CalendarEvent } from '@/lib/calendar/events';
import { usePracticeSessionsStore, useShowsStore } from '@/lib/live/stores';

/** The band's shows and practices as one live list; `now` (from the server) keeps only those not yet over. */
export function useEvents(bandId: string, now?: number): CalendarEvent[] {
  const shows = useShowsStore((state) => state.rows);
  const practices = usePracticeSessionsStore((state) => state.rows);
  return useMemo(() => {
    const events = calendarEvents(bandId, shows, practices);
    return now === undefined ? events : upcoming(events, now);
  }, [bandId, shows, practices, now]);
}
