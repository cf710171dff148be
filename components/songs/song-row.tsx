'use client';

import { useCalendarMe } from '@/components/calendar/calendar-live';
import { LearnChips, MyLearnStatus } from '@/components/practice/learn-status';
import type { LearnState, Song } from '@/lib/database.types';
import { rowKey } from '@/lib/live/definition';
import { useWaiting } from '@/lib/live/offline/offline-queue';
import { useSongsStore } from '@/lib/live/stores';
import { songsTable } from '@/lib/live/tables/songs';
import { formatDuration } from '@/lib/validation/song';
import { Button } from '@/components/ui/button';
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
    <li aria-label={song.title} data-song-id={song.id} data-version={song.version} data-pending={saving || undefined} data-deleted={deleted || undefined} className="rounded-xl border border-white/10 p-4 data-pending:border-dashed">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <p className="font-semibold">
            <span data-field="title">{song.title}</span>
            {song.artist ? <span className="font-normal text-zinc-400"> · <span data-field="artist">{song.artist}</span></span> : null}
            {saving ? <span className="ml-2 text-xs font-normal text-amp-400">{waiting ? 'Waiting to sync' : 'Saving…'}</span> : null}
          </p>
          <dl className="flex flex-wrap gap-x-4 text-xs text-zinc-400">
            <Detail term="Key" value={song.key} field="key" />
            <Detail term="Tempo" value={song.tempo_bpm === null ? null : `${song.tempo_bpm} BPM`} field="tempo_bpm" />
            <Detail term="Length" value={song.duration_s === null ? null : formatDuration(song.duration_s)} field="duration_s" />
            <Detail term="Status" value={song.status} field="status" />
          </dl>
          {song.notes ? (
            <p className="text-sm text-zinc-300" data-field="notes">
              {song.notes}
            </p>
          ) : null}
          <LearnChips title={song.title} statuses={learn} />
          {deleted ? null : <MyLearnStatus bandId={song.band_id} songId={song.id} title={song.title} status={learn?.get(userId)} />}
        </div>
        {editing ? null : (
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => onEditingChange(song)}>
              Edit
            </Button>
            <DeleteSongButton song={song} />
          </div>
        )}
      </div>
      {editing ? <EditSongForm song={song} deleted={deleted} onClose={() => onEditingChange(null)} /> : null}
    </li>
  );
}

function Detail({ term, value, field }: { term: string; value: string | null; field: string }) {
  if (value === null) return null;
  return (
    <div className="flex gap-1">
      <dt>{term}</dt>
      <dd data-field={field} className="text-zinc-200">
        {value}
      </dd>
    </div>
  );
}
