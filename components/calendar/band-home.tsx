'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { notReady } from '@/lib/calendar/readiness';
import { useLearnStatusStore, useSetlistItemsStore, useShowsStore, useSongsStore } from '@/lib/live/stores';
import { ConnectionIndicator } from '@/components/ui/connection-indicator';
import { useCalendarChannels, useCalendarMe } from './calendar-live';
import { MonthView } from './month-view';
import { UpcomingEvents } from './upcoming-events';
import { useEvents } from './use-events';

const LINKS = [
  ['calendar', 'Calendar'],
  ['songs', 'Songs'],
  ['setlists', 'Setlists'],
  ['availability', 'Availability'],
] as const;

/** The band's home: what is next (with my answer and the counts), what is not ready for the next show, a month. */
export function BandHome({ bandId, now }: { bandId: string; now: number }) {
  const connection = useCalendarChannels(bandId);
  const { userId, members } = useCalendarMe();
  const next = useEvents(bandId, now);
  const all = useEvents(bandId);
  const shows = useShowsStore((state) => state.rows);
  const items = useSetlistItemsStore((state) => state.rows);
  const songs = useSongsStore((state) => state.rows);
  const learn = useLearnStatusStore((state) => state.rows);
  const nextShow = next.find((event) => event.kind === 'show' && !event.cancelled);
  const setlistId = shows.find((show) => show.id === nextShow?.id)?.setlist_id ?? null;
  const memberIds = useMemo(() => members.map((member) => member.user_id), [members]);
  const missing = useMemo(() => notReady(setlistId, items, songs, learn, memberIds), [setlistId, items, songs, learn, memberIds]);
  const name = (id: string) => (id === userId ? 'you' : (members.find((member) => member.user_id === id)?.display_name ?? 'a member'));
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">Next up</h2>
        <ConnectionIndicator channel={connection} />
      </div>
      <UpcomingEvents bandId={bandId} events={next.slice(0, 4)} empty="Nothing planned yet: plan a show or a practice from the calendar." />
      {nextShow ? (
        <section aria-labelledby="not-ready-title" className="flex flex-col gap-2 rounded-2xl border border-white/10 bg-stage-900 p-4" data-testid="not-ready">
          <h3 id="not-ready-title" className="font-semibold">Not ready for {nextShow.title}</h3>
          {!setlistId ? <p className="text-sm text-zinc-300">No setlist attached to this show yet.</p> : missing.length === 0 ? (
            <p className="text-sm text-emerald-300">Every member has marked every song of its setlist ready.</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {missing.map(({ song, members: who }) => (
                <li key={song.id}>
                  <strong>{song.title}</strong>: {who.map((member) => `${name(member.userId)} ${member.status}`).join(', ')}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <nav aria-label="Band pages" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {LINKS.map(([path, label]) => (
          <Link key={path} href={`/bands/${bandId}/${path}`} className="flex min-h-11 items-center justify-center rounded-lg border border-white/15 font-semibold">
            {label}
          </Link>
        ))}
      </nav>
      <MonthView events={all} today={new Date(now).toISOString().slice(0, 10)} />
    </div>
  );
}
