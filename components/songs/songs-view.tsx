'use client';

import { useCallback, useMemo, useState } from 'react';
import type { Song } from '@/lib/database.types';
import { useSongsStore, useSongsStoreApi } from '@/lib/live/stores';
import { songsTable } from '@/lib/live/tables/songs';
import { liveFeed, useLiveChannel } from '@/lib/live/use-live-channel';
import { worstConnection } from '@/lib/live/connection';
import { usePracticeChannel } from '@/components/calendar/calendar-live';
import { useLearnBySong } from '@/components/practice/use-learn-status';
import { SectionHeader } from '@/components/ui/section-header';
import { visibleSongs } from '@/lib/songs/list-query';
import { Button } from '@/components/ui/button';
import { AddSongDialog } from './add-song-dialog';
import { SongListControls } from './song-list-controls';
import { useSongQuery } from './use-song-query';
import { SongRow } from './song-row';

export function SongsView({ bandId }: { bandId: string }) {
  const store = useSongsStoreApi();
  const feeds = useMemo(() => [liveFeed(songsTable, store)], [store]);
  // Two channels, one hook each: the songs, and practice:<band> for everyone's learn status. Live when both are.
  const connection = worstConnection([useLiveChannel(`songs:${bandId}`, bandId, feeds), usePracticeChannel(bandId)]);
  const learn = useLearnBySong();
  const songs = useSongsStore((state) => state.rows);
  // Songs with an open edit form, as they were when it opened. One a bandmate deletes stays listed (marked
  // deleted) until the form is closed, so nothing typed vanishes with it.
  const [editing, setEditing] = useState<Record<string, Song>>({});
  const present = useMemo(() => new Set(songs.map((song) => song.id)), [songs]);
  const [query, setQuery] = useSongQuery();
  const all = useMemo(() => [...songs, ...Object.values(editing).filter((song) => !present.has(song.id))], [songs, present, editing]);
  // Derived on every render from the live store: a bandmate's edit moves the row to its place under the query.
  const shown = useMemo(() => visibleSongs(all, query, new Set(Object.keys(editing))), [all, query, editing]);
  const onEditingChange = useCallback((id: string, song: Song | null) => {
    setEditing((open) => {
      const rest = { ...open };
      delete rest[id];
      return song ? { ...rest, [id]: song } : rest;
    });
  }, []);
  return (
    <div className="flex flex-col gap-4">
      <SectionHeader title="Songs" count={songs.length} connection={connection} />
      <AddSongDialog bandId={bandId} />
      {all.length > 0 ? <SongListControls query={query} onChange={setQuery} /> : null}
      {/* `all`, not `songs`: the last song deleted while a form is open on it still shows, with that form. */}
      {all.length === 0 ? (
        <p className="text-zinc-400">No songs yet. Add the first one with “Add a song”.</p>
      ) : shown.length === 0 ? (
        <div role="status" className="flex flex-wrap items-center gap-3 text-zinc-300">
          <p>No song matches {query.q ? `“${query.q}”` : 'this filter'}{query.q && query.status !== 'all' ? ` among ${query.status} songs` : ''}.</p>
          <Button variant="secondary" onClick={() => setQuery({ q: '', status: 'all' })}>
            Clear search and filter
          </Button>
        </div>
      ) : (
        <ul aria-label="Songs" className="flex flex-col gap-3">
          {shown.map((song) => (
            <SongRow
              key={song.id}
              song={song}
              editing={song.id in editing}
              deleted={!present.has(song.id)}
              learn={learn.get(song.id)}
              onEditingChange={(next) => onEditingChange(song.id, next)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
