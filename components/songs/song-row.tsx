'use client';

import { useCalendarMe } from '@/components/calendar/calendar-live';
import { LearnChips, MyLearnStatus } from '@/components/practice/learn-status';
import { Music, Pencil } from 'lucide-react';
import Link from 'next/link';
import type { LearnState, Song, SongStatus } from '@/lib/database.types';
import { rowKey } from '@/lib/live/definition';
import { useWaiting } from '@/lib/live/offline/offline-queue';
import { useSongsStore } from '@/lib/live/stores';
import { songsTable } from '@/lib/live/tables/songs';
import { formatDuration } from '@/lib/validation/song';
import { Button, buttonClass } from '@/components/ui/button';
import { DeleteSongButton } from './delete-song-button';
import { EditSongForm } from './edit-song-form';

type Props = {
  song: Song;
  editing: boolean;
  /** The song is gone from the band (deleted while this device edits it): the row stays for the open form. */
  deleted: boolean;
  onEditingChange: (song: Song | null) => void;
  /** Every member's learn status for this song (member id → state). */
  learn: Map<string, LearnState> | undefined;
};

export function SongRow({ song, editing, deleted, onEditingChange, learn }: Props) {
  const { userId } = useCalendarMe();
  const key = rowKey(songsTable, song)!;
  const saving = useSongsStore((store) => key in store.overlays);
  const waiting = useWaiting(songsTable.table, key);
  return (
    <li aria-label={song.title} data-song-id={song.id} data-version={song.version} data-pending={saving || undefined} data-deleted={deleted || undefined} className="rounded-xl border border-white/10 bg-stage-900/60 p-4 data-pending:border-dashed">
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-2">
        <div className="flex min-w-0 flex-1 flex-col gap-2">
          <p className="min-w-0 text-lg leading-snug font-semibold break-words">
            <span data-field="title">{song.title}</span>
            {song.artist ? <span className="text-base font-normal text-zinc-300"> · <span data-field="artist">{song.artist}</span></span> : null}
            {saving ? <span className="ml-2 text-sm font-normal text-amp-400">{waiting ? 'Waiting to sync' : 'Saving…'}</span> : null}
          </p>
        </div>
        {editing ? null : (
          <div className="flex gap-2">
            <Link href={`/bands/${song.band_id}/songs/${song.id}`} aria-label={`Chart for ${song.title}`} className={buttonClass('secondary')}>
              <Music aria-hidden className="size-4" />
              Chart
            </Link>
            <Button variant="secondary" onClick={() => onEditingChange(song)} aria-label={`Edit ${song.title}`}>
              <Pencil aria-hidden className="size-4" />
              Edit
            </Button>
            <DeleteSongButton song={song} />
          </div>
        )}
      </div>
      <dl className="mt-2 flex flex-wrap items-center gap-x-5 gap-y-1 text-base">
        <Detail term="Key" value={song.key} field="key" />
        <Detail term="Tempo" value={song.tempo_bpm === null ? null : `${song.tempo_bpm} BPM`} field="tempo_bpm" />
        <Detail term="Length" value={song.duration_s === null ? null : formatDuration(song.duration_s)} field="duration_s" />
        <div className="flex items-center gap-1">
          <dt className="sr-only">Status</dt>
          <dd>
            <StatusChip status={song.status} />
          </dd>
        </div>
      </dl>
      {song.notes ? (
        <p className="mt-2 text-sm break-words whitespace-pre-line text-zinc-300" data-field="notes">
          {song.notes}
        </p>
      ) : null}
      <div className="mt-3 flex flex-col gap-2">
        <LearnChips title={song.title} statuses={learn} />
        {deleted ? null : <MyLearnStatus bandId={song.band_id} songId={song.id} title={song.title} status={learn?.get(userId)} />}
      </div>
      {editing ? <EditSongForm song={song} deleted={deleted} onClose={() => onEditingChange(null)} /> : null}
    </li>
  );
}

const CHIP: Record<SongStatus, string> = {
  learning: 'border-amber-300/60 bg-amber-400/15 text-amber-100',
  ready: 'border-emerald-300/60 bg-emerald-400/15 text-emerald-100',
};

/** The band's status for a song: a coloured chip that also says it in words (never colour alone). */
export function StatusChip({ status }: { status: SongStatus }) {
  return (
    <span data-field="status" data-status={status} className={`inline-flex items-center rounded-full border px-3 py-0.5 text-sm font-semibold ${CHIP[status]}`}>
      {status === 'ready' ? 'Ready' : 'Learning'}
    </span>
  );
}

function Detail({ term, value, field }: { term: string; value: string | null; field: string }) {
  if (value === null) return null;
  return (
    <div className="flex items-baseline gap-1.5">
      <dt className="text-sm text-zinc-400">{term}</dt>
      <dd data-field={field} className="font-semibold text-white tabular-nums">
        {value}
      </dd>
    </div>
  );
}
