'use client';

import { useMemo } from 'react';
import { visibleConnectionState } from '@/lib/live/connection';
import { useSongsStore, useSongsStoreApi } from '@/lib/live/stores';
import { songsTable } from '@/lib/live/tables/songs';
import { liveFeed, useLiveChannel } from '@/lib/live/use-live-channel';
import { useOnline } from '@/lib/live/use-online';
import { ConnectionIndicator } from '@/components/ui/connection-indicator';
import { AddSongForm } from './add-song-form';
import { SongRow } from './song-row';

export function SongsView({ bandId }: { bandId: string }) {
  const store = useSongsStoreApi();
  const feeds = useMemo(() => [liveFeed(songsTable, store)], [store]);
  const connection = useLiveChannel(`songs:${bandId}`, bandId, feeds);
  const online = useOnline();
  const songs = useSongsStore((state) => state.rows);
  return (
    <main className="flex flex-col gap-6">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">
          Songs <span className="text-zinc-500">({songs.length})</span>
        </h2>
        <ConnectionIndicator state={visibleConnectionState(connection, online)} />
      </div>
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
    </main>
  );
}
