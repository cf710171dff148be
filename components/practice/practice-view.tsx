'use client';

import Link from 'next/link';
import { BackLink } from '@/components/ui/back-link';
import { useMemo, useState } from 'react';
import { AwayWarning } from '@/components/calendar/away-warning';
import { useCalendarChannels, useCalendarMe } from '@/components/calendar/calendar-live';
import { EventAvailability } from '@/components/calendar/event-availability';
import { dateIn, formatDate } from '@/lib/calendar/zoned';
import type { Song } from '@/lib/database.types';
import { usePracticeItemsStore, usePracticeSessionsStore, useSongsStore } from '@/lib/live/stores';
import { ConnectionIndicator } from '@/components/ui/connection-indicator';
import { FormMessage } from '@/components/ui/form-message';
import { AddToAgenda } from './add-to-agenda';
import { Agenda } from './agenda';
import { PracticeActions } from './practice-actions';
import { PracticeDetailsForm } from './practice-details-form';
import { PracticeHeading } from './practice-heading';
import { notReady, readinessLine } from '@/lib/practice/readiness';
import { useLearnBySong } from './use-learn-status';
import { useAgendaActions } from './use-agenda-actions';
import { PracticeSummary } from '@/components/room/practice-summary';
import { StartPracticeButton } from '@/components/room/start-practice-button';

/** One practice: when and where, its agenda with goals, and where every member is with each song. */
export function PracticeView({ bandId, practiceId, backHref }: { bandId: string; practiceId: string; backHref: string }) {
  const connection = useCalendarChannels(bandId);
  const { members } = useCalendarMe();
  const practice = usePracticeSessionsStore((store) => store.rows.find((row) => row.id === practiceId));
  const allItems = usePracticeItemsStore((store) => store.rows);
  const agenda = useMemo(() => allItems.filter((item) => item.session_id === practiceId), [allItems, practiceId]);
  const songRows = useSongsStore((store) => store.rows);
  const songs = useMemo(() => new Map(songRows.map((song) => [song.id, song])), [songRows]);
  const learn = useLearnBySong();
  const actions = useAgendaActions(bandId, practiceId, agenda);
  const [editing, setEditing] = useState(false);

  const onAgenda = useMemo(() => agenda.flatMap((item) => songs.get(item.song_id) ?? []), [agenda, songs]);
  const addable = useMemo(() => songRows.filter((song) => !agenda.some((item) => item.song_id === song.id)), [songRows, agenda]);
  const waiting = notReady(onAgenda, learn, members.map((member) => member.user_id));

  if (!practice) {
    return (
      <div className="flex flex-col gap-3">
        <p role="alert">This practice was deleted by a bandmate.</p>
        <Link href={backHref} className="flex min-h-11 items-center text-amp-400 underline">
          Back
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <BackLink href={backHref}>Calendar</BackLink>
          <PracticeHeading practice={practice} />
          {practice.location ? (
            <p className="break-words text-sm text-zinc-300" data-field="location">
              {practice.location}
            </p>
          ) : null}
        </div>
        <ConnectionIndicator channel={connection} />
      </div>
      {practice.notes ? (
        <p className="whitespace-pre-line break-words text-sm text-zinc-300" data-field="notes">
          {practice.notes}
        </p>
      ) : null}
      <AwayWarning date={dateIn(practice.starts_at, practice.time_zone)} testId="practice-away-conflict" />
      <StartPracticeButton bandId={bandId} practiceId={practiceId} disabledReason={agenda.length ? undefined : 'Add songs to the agenda to start the practice room.'} />
      {practice.summary ? <PracticeSummary summary={practice.summary} /> : null}
      <section aria-labelledby="agenda-title" className="flex flex-col gap-3">
        <h3 id="agenda-title" className="text-lg font-semibold">
          Agenda
        </h3>
        <Readiness total={onAgenda.length} waiting={waiting} />
        <FormMessage message={actions.error ?? undefined} />
        {agenda.length ? <Agenda agenda={agenda} songs={songs} learn={learn} actions={actions} /> : <p className="text-zinc-400">Nothing on the agenda yet. Add songs below.</p>}
      </section>
      <AddToAgenda songs={addable} actions={actions} />
      <section aria-label="Who's coming" className="flex flex-col gap-2 rounded-2xl border border-white/10 bg-stage-900 p-4">
        <h3 className="font-semibold">Who&apos;s coming</h3>
        <EventAvailability bandId={bandId} kind="practice" eventId={practice.id} title={`the practice on ${formatDate(practice.starts_at, practice.time_zone)}`} detailed />
      </section>
      {editing ? (
        <PracticeDetailsForm practice={practice} onClose={() => setEditing(false)} />
      ) : (
        <PracticeActions practice={practice} afterDelete={backHref} onEdit={() => setEditing(true)} />
      )}
    </div>
  );
}

function Readiness({ total, waiting }: { total: number; waiting: Song[] }) {
  if (total === 0) return null;
  return (
    <p className="text-sm text-zinc-200" data-field="readiness">
      {readinessLine(total, waiting.map((song) => song.title))}
    </p>
  );
}
