'use client';

import { CONNECTION_LABELS, visibleConnectionState, type ConnectionState } from '@/lib/live/connection';
import { useOnline } from '@/lib/live/use-online';

const DOT: Record<ConnectionState, string> = {
  connecting: 'bg-zinc-400',
  connected: 'bg-emerald-400',
  reconnecting: 'bg-amber-400 animate-pulse',
  offline: 'bg-red-400',
};

/**
 * Always visible: edits from bandmates only arrive while this says Live. `channel` is what the view's channel
 * reports; a browser that knows it is offline shows Offline whatever the channel last said.
 */
export function ConnectionIndicator({ channel }: { channel: ConnectionState }) {
  const state = visibleConnectionState(channel, useOnline());
  return (
    <p role="status" aria-label="Connection" data-state={state} className="flex items-center gap-2 text-sm text-zinc-300">
      <span aria-hidden className={`size-2 rounded-full ${DOT[state]}`} />
      {CONNECTION_LABELS[state]}
    </p>
  );
}
