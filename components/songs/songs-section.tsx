import type { Song } from '@/lib/database.types';
import { SongsStoreProvider } from '@/lib/live/stores';
import { SongsView } from './songs-view';

/** Awaits the page's data promise inside <Suspense> and seeds the per-mount store with it. */
export async function SongsSection({ bandId, songs }: { bandId: string; songs: Promise<Song[]> }) {
  const initialSongs = await songs;
  return (
    <SongsStoreProvider initialRows={initialSongs}>
      <SongsView bandId={bandId} />
    </SongsStoreProvider>
  );
}
