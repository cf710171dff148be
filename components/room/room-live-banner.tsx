'use client';

import { visibleConnectionState, type ConnectionState } from '@/lib/live/connection';
import { useOnline } from '@/lib/live/use-online';

/**
 * A room that stopped hearing moves must not look live: a follower would play the wrong song. Loud while the
 * channel is not live; the room reads its position again as soon as it is.
 */
export function RoomLiveBanner({ connection }: { connection: ConnectionState }) {
  const state = visibleConnectionState(connection, useOnline());
  if (state === 'connected') return null;
  const text =
    state === 'offline'
      ? 'Offline: this screen is not following the room. It catches up when the connection is back.'
      : state === 'reconnecting'
        ? 'Reconnecting: this screen may be behind the room.'
        : 'Connecting to the room…';
  return (
    <p role={state === 'connecting' ? 'status' : 'alert'} data-field="room-connection" data-state={state} className="rounded-lg border border-amber-400/60 bg-amber-950/60 px-3 py-2 text-sm font-semibold text-amber-100">
      {text}
    </p>
  );
}
