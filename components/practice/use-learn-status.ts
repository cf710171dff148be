'use client';

import { useCallback, useMemo } from 'react';
import { useCalendarMe } from '@/components/calendar/calendar-live';
import { setLearnStatus } from '@/lib/actions/learn-status';
import type { LearnState, LearnStatusRow } from '@/lib/database.types';
import { useLearnStatusStore, useLearnStatusStoreApi } from '@/lib/live/stores';
import { draftRow, learnStatusTable } from '@/lib/live/tables/calendar';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import type { LearnBySong } from '@/lib/practice/readiness';

/** Every member's learn status by song: song id → member id → state. */
export function useLearnBySong(): LearnBySong {
  const rows = useLearnStatusStore((store) => store.rows);
  return useMemo(() => {
    const bySong = new Map<string, Map<string, LearnState>>();
    for (const row of rows) {
      const members = bySong.get(row.song_id) ?? new Map<string, LearnState>();
      members.set(row.user_id, row.status);
      bySong.set(row.song_id, members);
    }
    return bySong;
  }, [rows]);
}

/**
 * Sets this member's status for a song: shown at once, saved by upsert, kept offline and replayed like every
 * live change. The member is whoever is signed in (the server takes it from the session).
 */
export function useSetMyLearnStatus(bandId: string) {
  const { userId } = useCalendarMe();
  const store = useLearnStatusStoreApi();
  const mutate = useLiveMutation(learnStatusTable, store);
  return useCallback(
    async (songId: string, title: string, status: LearnState) => {
      const mine = store.getState().rows.find((row) => row.song_id === songId && row.user_id === userId);
      const change = mine
        ? ({ kind: 'update', row: { song_id: songId, user_id: userId }, patch: { status } } as const)
        : ({ kind: 'insert', row: draftRow<LearnStatusRow>({ song_id: songId, user_id: userId, band_id: bandId, status }) } as const);
      const payload = { band_id: bandId, song_id: songId, status };
      return mutate(change, () => setLearnStatus(payload), undefined, { op: 'learn-status.set', payload, label: `Mark “${title}” ${status}` });
    },
    [mutate, store, userId, bandId],
  );
}
