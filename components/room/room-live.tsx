'use client';

import { useMemo, type ReactNode } from 'react';
import type { RoomData } from '@/lib/data/rooms';
import type { RoomKind } from '@/lib/database.types';
import type { ConnectionState } from '@/lib/live/connection';
import { LiveRoomsStoreProvider, PracticeNotesStoreProvider, useLiveRoomsStoreApi, usePracticeNotesStoreApi } from '@/lib/live/stores';
import { liveRoomsTable, practiceNotesTable } from '@/lib/live/tables/rooms';
import { liveFeed, useLiveChannel } from '@/lib/live/use-live-channel';

/** The room's two stores: the room row of this practice or show, and the practice's notes. */
export function RoomLive({ data, children }: { data: RoomData; children: ReactNode }) {
  return (
    <LiveRoomsStoreProvider initialRows={data.rooms}>
      <PracticeNotesStoreProvider initialRows={data.notes}>{children}</PracticeNotesStoreProvider>
    </LiveRoomsStoreProvider>
  );
}

/**
 * Channel `room:<band>`: the room of one practice or show, and that practice's notes. Moves reach followers here
 * as UPDATEs of the room row, which only the leader can cause (the room functions check it in the database), and
 * every rejoin reads the row again, so a reload or a reconnect lands on the current item.
 */
export function useRoomChannel(bandId: string, kind: RoomKind, eventId: string): ConnectionState {
  const rooms = useLiveRoomsStoreApi();
  const notes = usePracticeNotesStoreApi();
  const feeds = useMemo(
    () => [
      liveFeed(liveRoomsTable, rooms, kind === 'practice' ? { practice_id: eventId } : { show_id: eventId }),
      ...(kind === 'practice' ? [liveFeed(practiceNotesTable, notes, { practice_id: eventId })] : []),
    ],
    [rooms, notes, kind, eventId],
  );
  return useLiveChannel(`room:${bandId}`, bandId, feeds);
}
