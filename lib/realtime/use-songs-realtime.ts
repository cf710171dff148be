'use client';

import { useCallback, useState } from 'react';
import type { RealtimeChannel, RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import type { Song } from '@/lib/database.types';
import { useSongsStore } from '@/lib/stores/songs-store-provider';
import { useAuth } from './auth-provider';
import { changesReadyFromSystem, type ChannelStatus, type ConnectionState } from './connection';
import { useRealtimeChannel } from './use-realtime-channel';

/**
 * Live songs of one band: postgres_changes on public.songs filtered to the band (Realtime also checks each row
 * against this user's RLS), applied to the view's store.
 *
 * The join reply comes before Realtime has set up the database subscription; the `system` message
 * "Subscribed to PostgreSQL" says when changes flow (../shared/specs/realtime-protocol.md §2–3). Only then is
 * the view Live, and only then does it refetch: a refetch at SUBSCRIBED could miss a change committed between
 * it and the subscription. Every rejoin after a disconnect goes through the same steps.
 */
export function useSongsRealtime(bandId: string): ConnectionState {
  const { supabase } = useAuth();
  const [changesReady, setChangesReady] = useState(false);
  const applyInsert = useSongsStore((store) => store.applyInsert);
  const applyUpdate = useSongsStore((store) => store.applyUpdate);
  const applyDelete = useSongsStore((store) => store.applyDelete);
  const applySnapshot = useSongsStore((store) => store.applySnapshot);

  const refetch = useCallback(() => {
    void supabase
      .from('songs')
      .select('*')
      .eq('band_id', bandId)
      .then(({ data, error }) => {
        // A failed refetch leaves the screen as it was; the next rejoin tries again.
        if (error) console.warn(`Refetching songs failed: ${error.message}`);
        else applySnapshot(data);
      });
  }, [supabase, bandId, applySnapshot]);

  const bind = useCallback(
    (channel: RealtimeChannel) => {
      channel.on<Song>(
        'postgres_changes',
        { event: '*', schema: 'public', table: 'songs', filter: `band_id=eq.${bandId}` },
        (payload: RealtimePostgresChangesPayload<Song>) => {
          if (payload.eventType === 'INSERT' && payload.new.band_id === bandId) applyInsert(payload.new);
          else if (payload.eventType === 'UPDATE' && payload.new.band_id === bandId) applyUpdate(payload.new);
          // Under RLS a DELETE carries only the primary key; an id this view does not show is a no-op.
          else if (payload.eventType === 'DELETE' && payload.old.id) applyDelete(payload.old.id);
        },
      );
      channel.on('system', {}, (message: unknown) => {
        const ready = changesReadyFromSystem(message);
        if (ready === undefined) return;
        setChangesReady(ready);
        if (ready) refetch();
        else console.warn('Realtime could not subscribe to song changes', message);
      });
    },
    [bandId, applyInsert, applyUpdate, applyDelete, refetch],
  );

  const onStatus = useCallback((status: ChannelStatus) => {
    if (status !== 'SUBSCRIBED') setChangesReady(false);
  }, []);

  const state = useRealtimeChannel({ topic: `songs:${bandId}`, bind, onStatus });
  return state === 'connected' && !changesReady ? 'connecting' : state;
}
