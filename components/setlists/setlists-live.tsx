'use client';

import { useMemo, type ReactNode } from 'react';
import type { SetlistsData } from '@/lib/data/setlists';
import type { ConnectionState } from '@/lib/live/connection';
import {
  SetlistItemsStoreProvider,
  SetlistsStoreProvider,
  SongsStoreProvider,
  useSetlistItemsStoreApi,
  useSetlistsStoreApi,
  useSongsStoreApi,
} from '@/lib/live/stores';
import { setlistItemsTable, setlistsTable } from '@/lib/live/tables/setlists';
import { songsTable } from '@/lib/live/tables/songs';
import { liveFeed, useLiveChannel } from '@/lib/live/use-live-channel';

/** The three live stores a setlist page reads: setlists, their items, and the band's songs (titles, keys, lengths). */
export function SetlistsLive({ data, children }: { data: SetlistsData; children: ReactNode }) {
  return (
    <SongsStoreProvider initialRows={data.songs}>
      <SetlistsStoreProvider initialRows={data.setlists}>
        <SetlistItemsStoreProvider initialRows={data.items}>{children}</SetlistItemsStoreProvider>
      </SetlistsStoreProvider>
    </SongsStoreProvider>
  );
}

/**
 * Channel `setlists:<band>`: the band's setlists, items and songs, all on one channel. With `setlistId` (the
 * editor) only that setlist and its items are kept; the list page keeps them all for counts and running times.
 */
export function useSetlistsChannel(bandId: string, setlistId?: string): ConnectionState {
  const songs = useSongsStoreApi();
  const setlists = useSetlistsStoreApi();
  const items = useSetlistItemsStoreApi();
  const feeds = useMemo(
    () => [
      liveFeed(setlistsTable, setlists, setlistId ? { id: setlistId } : undefined),
      liveFeed(setlistItemsTable, items, setlistId ? { setlist_id: setlistId } : undefined),
      liveFeed(songsTable, songs),
    ],
    [setlists, items, songs, setlistId],
  );
  return useLiveChannel(`setlists:${bandId}`, bandId, feeds);
}
