'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useState } from 'react';
import { parseSongQuery, songQueryString, type SongQuery } from '@/lib/songs/list-query';

/**
 * The song list's query, kept in the URL so a reload or a shared link shows the same list. Written with
 * history.replaceState (Next keeps useSearchParams in step) and not router.replace: typing must not refetch the page.
 */
export function useSongQuery() {
  const params = useSearchParams();
  const [query, setQuery] = useState<SongQuery>(() => parseSongQuery(params));
  const update = useCallback((change: Partial<SongQuery>) => {
    setQuery((current) => {
      const next = { ...current, ...change };
      window.history.replaceState(null, '', `${window.location.pathname}${songQueryString(next)}`);
      return next;
    });
  }, []);
  return [query, update] as const;
}
