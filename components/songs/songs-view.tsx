'use client';

import { useMemo } from 'react';
import { useSongsStore, useSongsStoreApi } from '@/lib/live/stores';
import { songsTable } from '@/lib/live/tables/songs';
import { liveFeed, useLiveChannel } from '@/lib/live/use-live-channel';
import { SectionHeader } from '@/components/ui/section-header';
import { AddSongForm } from './add-song-form';
import { SongRow } from './song-row';

export function SongsView({ bandId }: { bandId: string }) {
  const store = useSongsStoreApi();
  const feeds = useMemo(() => [liveFeed(songsTable, store)], [store]);
  const connection = useLiveChannel(`songs:${bandId}`, bandId, feeds);
  const songs = useSongsStore((state) => state.rows);
  return (
    <div className="flex flex-col gap-6">
      <SectionHeader title="Songs" count={songs.length} connection={connection} />
      <AddSongForm bandId={bandId} />
      {songs.length === 0 ? (
        <p className="text-zinc-400">No songs yet. Add the first one above.</p>
      ) : (
        <ul aria-label="Songs" className="flex flex-col gap-3">
          {songs.map((song) => (
            <SongRow key={song.id} song={song} />
          ))}
        </ul>
      )}
    </div>
  );
}
