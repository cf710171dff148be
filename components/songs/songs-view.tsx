'use client';

import { visibleConnectionState } from '@/lib/realtime/connection';
import { useOnline } from '@/lib/realtime/use-online';
import { useSongsRealtime } from '@/lib/realtime/use-songs-realtime';
import { useSongsStore } from '@/lib/stores/songs-store-provider';
import { AddSongForm } from './add-song-form';
import { ConnectionIndicator } from './connection-indicator';
import { SongRow } from './song-row';

export function SongsView({ bandId }: { bandId: string }) {
  const connection = useSongsRealtime(bandId);
  const online = useOnline();
  const songs = useSongsStore((store) => store.songs);
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
