'use client';

import { useCallback, useEffect, useState } from 'react';
import type { RealtimeChannel, RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import { useAuth } from './auth-provider';
import { changesReadyFromSystem, type ChannelStatus, type ConnectionState } from './connection';
import { bandColumnOf, type LiveRow, type LiveTable } from './definition';
import { useOfflineQueue } from './offline/offline-queue';
import type { LiveStoreApi } from './store';
import { useRealtimeChannel } from './use-realtime-channel';

/** One table feeding one store on a channel; `scope` narrows the band's rows further (e.g. one setlist's items). */
export type LiveFeed<Row extends LiveRow = LiveRow> = {
  definition: LiveTable<Row>;
  store: LiveStoreApi<Row>;
  scope?: Readonly<Record<string, string>>;
};

/** A feed for `useLiveChannel`; the row type is checked here and erased so feeds of several tables share an array. */
export function liveFeed<Row extends LiveRow>(definition: LiveTable<Row>, store: LiveStoreApi<Row>, scope?: Record<string, string>): LiveFeed {
  return { definition, store, scope } as unknown as LiveFeed;
}

function inScope(row: Record<string, unknown>, bandColumn: string, bandId: string, scope: Readonly<Record<string, string>> = {}): boolean {
  return row[bandColumn] === bandId && Object.entries(scope).every(([column, value]) => row[column] === value);
}

/**
 * The live path shared by every feature: postgres_changes for each feed's table, filtered to the band, on one
 * channel `topic` (Realtime also checks each row against this user's RLS), merged into each feed's store.
 *
 * The join reply comes before Realtime has set up the database subscription; the `system` message "Subscribed
 * to PostgreSQL" says when changes flow. Only then is the view Live, and only then does it refetch: a refetch at
 * SUBSCRIBED could miss a change committed between it and the subscription. Every rejoin after a disconnect goes
 * through the same steps, because Realtime does not replay what was missed.
 *
 * `feeds` must be stable (useMemo with exact deps): a new array means a new channel.
 */
export function useLiveChannel(topic: string, bandId: string, feeds: ReadonlyArray<LiveFeed>): ConnectionState {
  const { supabase } = useAuth();
  const [changesReady, setChangesReady] = useState(false);
  const queue = useOfflineQueue();

  // Changes waiting in the offline queue show in these stores too (after a reload as well), each in its view.
  useEffect(() => {
    if (!queue) return;
    const detach = feeds.map(({ definition, store, scope }) =>
      queue.attach({
        table: definition.table,
        store,
        accepts: ({ change, key }) =>
          change?.kind === 'insert' ? inScope(change.row, bandColumnOf(definition), bandId, scope) : key !== undefined && key in store.getState().confirmed,
      }),
    );
    return () => detach.forEach((undo) => undo());
  }, [queue, feeds, bandId]);

  const refetch = useCallback(() => {
    for (const { definition, store, scope = {} } of feeds) {
      let query = supabase.from(definition.table).select('*').eq(bandColumnOf(definition), bandId);
      for (const [column, value] of Object.entries(scope)) query = query.eq(column, value);
      const since = store.getState().clock;
      void query.then(({ data, error }) => {
        // A failed refetch leaves the screen as it was; the next rejoin tries again.
        if (error) console.warn(`Refetching ${definition.table} failed: ${error.message}`);
        else store.getState().applySnapshot(data as unknown as LiveRow[], since);
      });
    }
  }, [supabase, bandId, feeds]);

  const bind = useCallback(
    (channel: RealtimeChannel) => {
      for (const { definition, store, scope } of feeds) {
        const bandColumn = bandColumnOf(definition);
        channel.on<LiveRow>(
          'postgres_changes',
          { event: '*', schema: 'public', table: definition.table, filter: `${bandColumn}=eq.${bandId}` },
          (payload: RealtimePostgresChangesPayload<LiveRow>) => {
            const { applyUpsert, applyDelete } = store.getState();
            if (payload.eventType === 'DELETE') applyDelete(payload.old);
            else if (inScope(payload.new, bandColumn, bandId, scope)) applyUpsert(payload.new);
          },
        );
      }
      channel.on('system', {}, (message: unknown) => {
        const ready = changesReadyFromSystem(message);
        if (ready === undefined) return;
        setChangesReady(ready);
        if (ready) refetch();
        else console.warn(`Realtime could not subscribe to changes on ${topic}`, message);
      });
    },
    [feeds, bandId, topic, refetch],
  );

  const onStatus = useCallback((status: ChannelStatus) => {
    if (status !== 'SUBSCRIBED') setChangesReady(false);
  }, []);

  // Private: Realtime admits only the band's members (RLS on realtime.messages, is_band_member_topic). On a public
  // channel anyone who knows the band id could subscribe, and Realtime relays DELETEs (key columns only) without an
  // RLS check because the row is gone.
  const state = useRealtimeChannel({ topic, isPrivate: true, bind, onStatus });
  return state === 'connected' && !changesReady ? 'connecting' : state;
}
