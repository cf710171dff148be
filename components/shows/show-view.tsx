'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { deleteShow } from '@/lib/actions/shows';
import { dateIn, formatDate } from '@/lib/calendar/zoned';
import { useShowsStore, useShowsStoreApi } from '@/lib/live/stores';
import { showsTable } from '@/lib/live/tables/calendar';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { formatFee } from '@/lib/shows/money';
import { AwayWarning } from '@/components/calendar/away-warning';
import { useCalendarChannels } from '@/components/calendar/calendar-live';
import { EventAvailability } from '@/components/calendar/event-availability';
import { Button } from '@/components/ui/button';
import { ConnectionIndicator } from '@/components/ui/connection-indicator';
import { FormMessage } from '@/components/ui/form-message';
import { ShowForm } from './show-form';
import { ShowSchedule } from './show-schedule';
import { ShowSetlist } from './show-setlist';
import { ShowStatusButtons, StatusChip } from './show-status';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="flex flex-col gap-2 rounded-2xl border border-white/10 bg-stage-900 p-4">
      <h3 className="font-semibold">{title}</h3>
      {children}
    </section>
  );
}

/** One show, live: schedule, venue, setlist against the slot, who is coming; edit, status, delete. */
export function ShowView({ bandId, showId }: { bandId: string; showId: string }) {
  const connection = useCalendarChannels(bandId);
  const router = useRouter();
  const show = useShowsStore((state) => state.rows.find((row) => row.id === showId));
  const mutate = useLiveMutation(showsTable, useShowsStoreApi());
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string>();
  if (!show) {
    return (
      <div className="flex flex-col gap-2" role="status">
        <p>This show was deleted.</p>
        <Link href={`/bands/${bandId}/calendar`} className="inline-flex min-h-11 min-w-11 items-center justify-center text-amp-400 underline">Back to the calendar</Link>
      </div>
    );
  }
  async function remove() {
    const payload = { id: showId, band_id: bandId };
    const result = await mutate({ kind: 'delete', row: { id: showId } }, () => deleteShow(payload), undefined, { op: 'shows.delete', payload, label: `Delete “${show!.title}”` });
    if (result.status === 'invalid') setMessage(result.errors?.form);
    else router.push(`/bands/${bandId}/calendar`);
  }
  return (
    <article className="flex flex-col gap-4" aria-labelledby="show-title">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h2 id="show-title" className="text-xl font-bold">{show.title}</h2>
          <p className="flex flex-wrap items-center gap-2 text-zinc-200">
            <StatusChip status={show.status} /> {formatDate(show.starts_at, show.time_zone)}
          </p>
        </div>
        <ConnectionIndicator channel={connection} />
      </header>
      <AwayWarning date={dateIn(show.starts_at, show.time_zone)} testId="show-away-conflict" />
      <ShowStatusButtons show={show} />
      <Section title="Who's coming">
        <EventAvailability bandId={bandId} kind="show" eventId={show.id} title={show.title} detailed />
      </Section>
      {editing ? <ShowForm bandId={bandId} show={show} onDone={() => setEditing(false)} /> : (
        <Button type="button" variant="secondary" className="min-h-11 self-start" onClick={() => setEditing(true)}>Edit show</Button>
      )}
      <Section title="Schedule"><ShowSchedule show={show} /></Section>
      <Section title="Venue">
        <p>{show.venue_name ?? 'Venue not set'}</p>
        {show.venue_address ? <p className="whitespace-pre-wrap text-sm text-zinc-300">{show.venue_address}</p> : null}
        {show.fee_cents !== null ? <p className="text-sm">Fee: {formatFee(show.fee_cents, show.currency)}</p> : null}
      </Section>
      <Section title="Setlist"><ShowSetlist bandId={bandId} show={show} /></Section>
      {show.contacts ? <Section title="Contacts"><p className="whitespace-pre-wrap text-sm">{show.contacts}</p></Section> : null}
      {show.notes ? <Section title="Notes"><p className="whitespace-pre-wrap text-sm">{show.notes}</p></Section> : null}
      <FormMessage message={message} />
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Confirm delete">
          <span className="text-sm">Delete this show for the whole band? Answers go with it.</span>
          <Button type="button" variant="danger" className="min-h-11" onClick={() => void remove()}>Delete show</Button>
          <Button type="button" variant="secondary" className="min-h-11" onClick={() => setConfirming(false)}>Keep it</Button>
        </div>
      ) : (
        <Button type="button" variant="danger" className="min-h-11 self-start" onClick={() => setConfirming(true)}>Delete…</Button>
      )}
    </article>
  );
}
