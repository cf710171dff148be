'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { RealtimeChannel } from '@supabase/supabase-js';
import type { ChannelStatus } from './connection';
import { onlineMembers, type PresenceMember, type PresenceMeta } from './presence';
import { useRealtimeChannel } from './use-realtime-channel';

/**
 * Who is looking at this band right now, and at which page. Tracks this device after every SUBSCRIBED (presence
 * is not re-tracked on rejoin by itself) and again when `at` changes, on the same channel. The channel is
 * private: only the band's members may join it (RLS on realtime.messages,
 * supabase/migrations/*_membership_hardening.sql), so outsiders can neither watch nor pose as a member.
 */
export function usePresence(bandId: string, userId: string, displayName: string, at: string): PresenceMember[] {
  const [online, setOnline] = useState<PresenceMember[]>([]);
  const joined = useRef<RealtimeChannel | null>(null);
  const where = useRef(at);

  const bind = useCallback((channel: RealtimeChannel) => {
    channel.on('presence', { event: 'sync' }, () => {
      setOnline(onlineMembers(channel.presenceState<PresenceMeta>()));
    });
  }, []);

  const track = useCallback(
    (status: ChannelStatus, channel: RealtimeChannel) => {
      joined.current = status === 'SUBSCRIBED' ? channel : null;
      if (status === 'SUBSCRIBED') void channel.track({ user_id: userId, display_name: displayName, at: where.current } satisfies PresenceMeta);
    },
    [userId, displayName],
  );

  useEffect(() => {
    where.current = at;
    void joined.current?.track({ user_id: userId, display_name: displayName, at } satisfies PresenceMeta);
  }, [at, userId, displayName]);

  useRealtimeChannel({ topic: `presence:${bandId}`, presenceKey: userId, isPrivate: true, bind, onStatus: track });
  return online;
}
