'use client';

import { useMemo } from 'react';
import type { SetlistItem } from '@/lib/database.types';
import { useSongsStore } from '@/lib/live/stores';
import { setlistTiming, type SetlistTiming } from '@/lib/setlists/timing';

/** Running times of `items` (in display order) from the live songs store, so a song's new length counts at once. */
export function useSetlistTiming(items: SetlistItem[]): SetlistTiming {
  const songs = useSongsStore((store) => store.rows);
  return useMemo(() => {
    const byId = new Map(songs.map((song) => [song.id, song.duration_s]));
    return setlistTiming(items, (songId) => byId.get(songId) ?? null);
  }, [items, songs]);
}
