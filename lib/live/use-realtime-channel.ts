'use client';

import { useEffect, useState } from 'react';
import type { RealtimeChannel } from '@supabase/supabase-js';
import { useAuth } from './auth-provider';
import { useOnline } from './use-online';
import { nextConnectionState, reopenDelayMs, type ChannelStatus, type ConnectionState } from './connection';

type ChannelOptions = {
  /** Channel name without the `realtime:` prefix. */
  topic: string;
  /** Presence key (the user id) for presence channels; undefined for the rest. */
  presenceKey?: string;
  /** A private channel: Realtime admits it only if RLS on realtime.messages lets this user read the topic. */
  isPrivate?: boolean;
  /** Broadcast channels that send: `ack` makes send() wait for Realtime's reply (else it resolves at once). */
  broadcastAck?: boolean;
  /** Adds the channel's bindings before subscribe(). Must be stable (useCallback with exact deps). */
  bind: (channel: RealtimeChannel) => void;
  /** Every subscribe() status: SUBSCRIBED on the first join and each rejoin, then errors/CLOSED. Must be stable. */
  onStatus: (status: ChannelStatus, channel: RealtimeChannel) => void;
};

/**
 * One channel for one concern, joined only after AuthProvider has given Realtime the user's JWT, removed on
 * unmount. Returns the channel's connection state for the indicator.
 *
 * realtime-js rejoins by itself after errors and socket drops, but a channel the server closes (phx_close, e.g.
 * "Token has expired" when a refresh came late) is final; then this hook refreshes the token and opens a new
 * one. Realtime does not replay missed events, so callers refetch once their subscription is confirmed.
 */
export function useRealtimeChannel({ topic, presenceKey, isPrivate = false, broadcastAck = false, bind, onStatus }: ChannelOptions): ConnectionState {
  const { supabase, realtimeReady } = useAuth();
  const online = useOnline();
  const [state, setState] = useState<ConnectionState>('connecting');
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    // Offline, the channel is left and the socket closes with the last one: realtime-js would otherwise retry the
    // socket every few seconds for nothing. Back online, a new channel joins (and its view refetches).
    if (!realtimeReady || !online) return;
    // supabase.channel() hands back an existing channel with the same topic, and a removed channel stays
    // registered until the server acknowledges the leave: wait for it rather than reuse a leaving channel.
    if (supabase.getChannels().some((existing) => existing.topic === `realtime:${topic}`)) {
      const retry = setTimeout(() => setGeneration((value) => value + 1), 50);
      return () => clearTimeout(retry);
    }

    let disposed = false;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const channel = supabase.channel(topic, {
      config: {
        private: isPrivate,
        ...(presenceKey ? { presence: { key: presenceKey } } : {}),
        ...(broadcastAck ? { broadcast: { ack: true } } : {}),
      },
    });
    bind(channel);
    channel.subscribe((status) => {
      if (disposed) return;
      setState(nextConnectionState(status));
      onStatus(status, channel);
      if (status === 'CLOSED') {
        reopen = setTimeout(() => {
          // getSession() refreshes a token that is about to expire; setAuth hands it to the socket first.
          void supabase.auth
            .getSession()
            .then(({ data }) => (data.session ? supabase.realtime.setAuth(data.session.access_token) : undefined))
            .catch(() => undefined)
            .finally(() => {
              if (!disposed) setGeneration((value) => value + 1);
            });
        }, reopenDelayMs(generation));
      }
    });

    return () => {
      disposed = true;
      clearTimeout(reopen);
      void supabase.removeChannel(channel);
    };
  }, [supabase, realtimeReady, online, topic, presenceKey, isPrivate, broadcastAck, bind, onStatus, generation]);

  return realtimeReady ? state : 'connecting';
}
