'use client';

import { useCallback, useState } from 'react';
import type { RealtimeChannel } from '@supabase/supabase-js';
import type { ChannelStatus } from './connection';
import { onlineMembers, type PresenceMeta } from './presence';
import { useRealtimeChannel } from './use-realtime-channel';

/**
 * Who is looking at this band right now. Tracks this device after every SUBSCRIBED (presence is not re-tracked on
 * rejoin by itself). The channel is private: only the band's members may join it (RLS on realtime.messages,
 * supabase/migrations/*_membership_hardening.sql), so outsiders can neither watch nor pose as a member.
 */
export function usePresence(bandId: string, userId: string, displayName: string): PresenceMeta[] {
  const [online, setOnline] = useState<PresenceMeta[]>([]);

  const bind = useCallback((channel: RealtimeChannel) => {
    channel.on('presence', { event: 'sync' }, () => {
      setOnline(onlineMembers(channel.presenceState<PresenceMeta>()));
    });
  }, []);

  const track = useCallback(
    (status: ChannelStatus, channel: RealtimeChannel) => {
      if (status === 'SUBSCRIBED') void channel.track({ user_id: userId, display_name: displayName } satisfies PresenceMeta);
    },
    [userId, displayName],
  );

  useRealtimeChannel({ topic: `presence:${bandId}`, presenceKey: userId, isPrivate: true, bind, onStatus: track });
  return online;
}
