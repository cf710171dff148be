'use client';

import { useEffect, useState } from 'react';
import { useAuth } from '@/lib/live/auth-provider';

/**
 * The display name of whoever deleted the song, once it is gone (song_deletions, written by a trigger with the
 * delete). Null until known, or when it cannot be read (offline, or the bandmate left the band meanwhile).
 */
export function useDeletedBy(songId: string, deleted: boolean): string | null {
  const { supabase } = useAuth();
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (!deleted) return;
    let active = true;
    void supabase
      .from('song_deletions')
      .select('profiles(display_name)')
      .eq('song_id', songId)
      .maybeSingle()
      .then(({ data }) => {
        if (active) setName(data?.profiles?.display_name ?? null);
      });
    return () => {
      active = false;
    };
  }, [supabase, songId, deleted]);
  return name;
}
