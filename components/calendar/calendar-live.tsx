'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { SetlistsLive, useSetlistsChannel } from '@/components/setlists/setlists-live';
import type { BandMember } from '@/lib/data/bands';
import type { CalendarData } from '@/lib/data/calendar';
import { worstConnection, type ConnectionState } from '@/lib/live/connection';
import {
  AvailabilityStoreProvider,
  LearnStatusStoreProvider,
  PracticeItemsStoreProvider,
  PracticeSessionsStoreProvider,
  ShowsStoreProvider,
  UnavailableDatesStoreProvider,
  useAvailabilityStoreApi,
  useLearnStatusStoreApi,
  usePracticeItemsStoreApi,
  usePracticeSessionsStoreApi,
  useShowsStoreApi,
  useUnavailableDatesStoreApi,
} from '@/lib/live/stores';
import { availabilityTable, learnStatusTable, practiceItemsTable, practiceSessionsTable, showsTable, unavailableDatesTable } from '@/lib/live/tables/calendar';
import { liveFeed, useLiveChannel } from '@/lib/live/use-live-channel';

type Me = { userId: string; members: BandMember[] };
const MeContext = createContext<Me | null>(null);

/** Who is looking (answers and learn status are per member) and the band's line-up, for names. */
export function useCalendarMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCalendarMe is used outside CalendarLive.');
  return me;
}

/** Who is looking and the band's line-up, for any view that shows per-member answers (the song list too). */
export function CalendarMeProvider({ userId, members, children }: { userId: string; members: BandMember[]; children: ReactNode }) {
  const me = useMemo(() => ({ userId, members }), [userId, members]);
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The stores of channel `practice:<band>`: sessions, their agendas, learn status (also under the song list). */
export function PracticeLive({ data, children }: { data: Pick<CalendarData, 'practices' | 'agenda' | 'learn'>; children: ReactNode }) {
  return (
    <PracticeSessionsStoreProvider initialRows={data.practices}>
      <PracticeItemsStoreProvider initialRows={data.agenda}>
        <LearnStatusStoreProvider initialRows={data.learn}>{children}</LearnStatusStoreProvider>
      </PracticeItemsStoreProvider>
    </PracticeSessionsStoreProvider>
  );
}

/** Every store a calendar page reads, seeded from one server read (the setlists' stores included). */
export function CalendarLive({ data, userId, children }: { data: CalendarData; userId: string; children: ReactNode }) {
  return (
    <CalendarMeProvider userId={userId} members={data.members}>
      <SetlistsLive data={data}>
        <ShowsStoreProvider initialRows={data.shows}>
          <PracticeLive data={data}>
            <AvailabilityStoreProvider initialRows={data.availability}>
              <UnavailableDatesStoreProvider initialRows={data.away}>{children}</UnavailableDatesStoreProvider>
            </AvailabilityStoreProvider>
          </PracticeLive>
        </ShowsStoreProvider>
      </SetlistsLive>
    </CalendarMeProvider>
  );
}

/** Channel `shows:<band>`: shows, everyone's answers (for shows and practices) and away dates. */
export function useShowsChannel(bandId: string): ConnectionState {
  const shows = useShowsStoreApi();
  const availability = useAvailabilityStoreApi();
  const away = useUnavailableDatesStoreApi();
  const feeds = useMemo(
    () => [liveFeed(showsTable, shows), liveFeed(availabilityTable, availability), liveFeed(unavailableDatesTable, away)],
    [shows, availability, away],
  );
  return useLiveChannel(`shows:${bandId}`, bandId, feeds);
}

/** Channel `practice:<band>`: practice sessions, their agendas and every member's learn status. */
export function usePracticeChannel(bandId: string): ConnectionState {
  const sessions = usePracticeSessionsStoreApi();
  const items = usePracticeItemsStoreApi();
  const learn = useLearnStatusStoreApi();
  const feeds = useMemo(
    () => [liveFeed(practiceSessionsTable, sessions), liveFeed(practiceItemsTable, items), liveFeed(learnStatusTable, learn)],
    [sessions, items, learn],
  );
  return useLiveChannel(`practice:${bandId}`, bandId, feeds);
}

/** The three channels a calendar page lives on (shows, practice, setlists), reported as the worst of them. */
export function useCalendarChannels(bandId: string): ConnectionState {
  return worstConnection([useShowsChannel(bandId), usePracticeChannel(bandId), useSetlistsChannel(bandId)]);
}
