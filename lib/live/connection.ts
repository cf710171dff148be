// What the connection indicator shows, derived from the songs channel's subscribe() statuses and the browser's
// online flag. realtime-js rejoins by itself after CHANNEL_ERROR / TIMED_OUT; CLOSED after a server phx_close
// (e.g. "Token has expired") is final for that channel, and useRealtimeChannel opens a new one.

export type ChannelStatus = 'SUBSCRIBED' | 'TIMED_OUT' | 'CLOSED' | 'CHANNEL_ERROR';
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export function nextConnectionState(status: ChannelStatus): ConnectionState {
  return status === 'SUBSCRIBED' ? 'connected' : 'reconnecting';
}

/** The browser knowing it has no network outranks whatever the channel last said. */
export function visibleConnectionState(channel: ConnectionState, online: boolean): ConnectionState {
  return online ? channel : 'offline';
}

export const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** Delay before replacing a channel the server closed, growing so a persistent refusal does not spin. */
export function reopenDelayMs(attempt: number): number {
  const steps = [500, 1_000, 2_000, 5_000];
  return steps[Math.min(attempt, steps.length - 1)]!;
}

/**
 * Reads a channel `system` message: true for the postgres_changes "Subscribed to PostgreSQL" ok, false for a
 * postgres_changes error (e.g. table not in the publication), undefined for anything else.
 */
export function changesReadyFromSystem(message: unknown): boolean | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { extension, status } = message as { extension?: unknown; status?: unknown };
  if (extension !== 'postgres_changes') return undefined;
  return status === 'ok';
}

const RANK: Record<ConnectionState, number> = { connected: 0, connecting: 1, reconnecting: 2, offline: 3 };

/** A view on several channels shows the worst of their states: it is Live only when every one is. */
export function worstConnection(states: ConnectionState[]): ConnectionState {
  return states.reduce((worst, state) => (RANK[state] > RANK[worst] ? state : worst), 'connected');
}
