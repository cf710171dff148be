'use client';

import { useCallback, useEffect } from 'react';
import type { PostgrestError } from '@supabase/supabase-js';
import { useAuth } from '@/lib/live/auth-provider';
import type { LiveRoomRow, RoomKind } from '@/lib/database.types';
import { UNREACHABLE, type LiveResult } from '@/lib/live/result';
import { useLiveRoomsStoreApi } from '@/lib/live/stores';
import { liveRoomsTable } from '@/lib/live/tables/rooms';
import { useLiveMutation } from '@/lib/live/use-live-mutation';

export type RoomResult = LiveResult<LiveRoomRow>;

/** Often enough that a leader who is still here never loses the lead (the lease is 8 s, room_lease_seconds). */
const HEARTBEAT_MS = 2_500;
/** A leader who just vanished keeps the lead until the lease runs out: taking it retries that long (PT409). */
const TAKE_RETRY_MS = 2_000;
const TAKE_ATTEMPTS = 6;

/** The database's refusal in its own words; a request that never reached it (no code) says so plainly. */
function roomAnswer(data: LiveRoomRow | null, error: PostgrestError | null): RoomResult {
  if (error && !error.code) return UNREACHABLE;
  if (error) return { status: 'invalid', errors: { form: error.hint ? `${error.message}. ${error.hint}` : error.message } };
  return { status: 'saved', row: data! };
}

/**
 * The room's actions. They call the room functions straight from the browser (not through a server action): a
 * move is one round trip to the database, which keeps the leader's key press → followers' screens short. The
 * database decides who may do what; the leader's own screen moves at once (optimistic echo) and goes back if
 * the move is refused.
 */
export function useRoomActions(room: LiveRoomRow | undefined) {
  const { supabase } = useAuth();
  const store = useLiveRoomsStoreApi();
  const mutate = useLiveMutation(liveRoomsTable, store);
  const roomId = room?.id;

  const call = useCallback(
    async (change: Parameters<typeof mutate>[0], request: () => PromiseLike<{ data: unknown; error: PostgrestError | null }>) =>
      mutate(change, async () => {
        const { data, error } = await request();
        return roomAnswer(data as LiveRoomRow | null, error);
      }),
    [mutate],
  );

  const open = useCallback(
    (kind: RoomKind, eventId: string) => call(null, () => supabase.rpc('room_open', { p_kind: kind, p_event_id: eventId })),
    [call, supabase],
  );
  const move = useCallback(
    (itemId: string) =>
      roomId ? call({ kind: 'update', row: { id: roomId }, patch: { item_id: itemId } }, () => supabase.rpc('room_move', { p_room_id: roomId, p_item_id: itemId })) : undefined,
    [call, supabase, roomId],
  );
  const takeLead = useCallback(
    () =>
      roomId
        ? call(null, async () => {
            for (let attempt = 1; ; attempt += 1) {
              const reply = await supabase.rpc('room_take_lead', { p_room_id: roomId });
              if (reply.error?.code !== 'PT409' || attempt === TAKE_ATTEMPTS) return reply;
              await new Promise((resolve) => setTimeout(resolve, TAKE_RETRY_MS));
            }
          })
        : undefined,
    [call, supabase, roomId],
  );
  const handLead = useCallback(
    (to: string) => (roomId ? call(null, () => supabase.rpc('room_hand_lead', { p_room_id: roomId, p_to: to })) : undefined),
    [call, supabase, roomId],
  );
  const end = useCallback(() => (roomId ? call(null, () => supabase.rpc('room_end', { p_room_id: roomId })) : undefined), [call, supabase, roomId]);
  return { open, move, takeLead, handLead, end };
}

/** While this member leads an open room, tells the database they are still here (see room_take_lead). */
export function useLeaderHeartbeat(room: LiveRoomRow | undefined, userId: string): void {
  const { supabase } = useAuth();
  const leading = Boolean(room && !room.ended_at && room.leader_id === userId);
  const roomId = room?.id;
  useEffect(() => {
    if (!leading || !roomId) return;
    const beat = () => void supabase.rpc('room_heartbeat', { p_room_id: roomId }).then(() => undefined);
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [leading, roomId, supabase]);
}
