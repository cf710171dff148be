'use client';

import { useCallback, useState } from 'react';
import type { RoomKind } from '@/lib/database.types';
import { useLiveRoomsStore } from '@/lib/live/stores';
import { useLeaderHeartbeat, useRoomActions } from './use-room-actions';

type Outcome = { status: string; errors?: { form?: string } } | undefined;

/** The room of one practice or show, whether this member leads it, its actions, and the last refusal in words. */
export function useRoom(kind: RoomKind, eventId: string, userId: string) {
  const room = useLiveRoomsStore((store) => store.rows.find((row) => (kind === 'practice' ? row.practice_id : row.show_id) === eventId));
  const actions = useRoomActions(room);
  useLeaderHeartbeat(room, userId);
  const [error, setError] = useState<string>();
  /** Runs an action and keeps its refusal (or clears the last one), for the room's alert line. */
  const run = useCallback(async (pending: Promise<Outcome> | undefined) => {
    const outcome = await pending;
    setError(outcome?.status === 'invalid' ? (outcome.errors?.form ?? 'That did not work. Try again.') : undefined);
  }, []);
  const { move } = actions;
  /** A move whose refusal (not the leader any more, no connection) is told like every other action's. */
  const moveTo = useCallback((itemId: string) => run(move(itemId)), [run, move]);
  const open = room && !room.ended_at ? room : undefined;
  return { room, open, leading: Boolean(open && open.leader_id === userId), actions, moveTo, error, run };
}

export type RoomState = ReturnType<typeof useRoom>;
