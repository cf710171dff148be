'use client';

import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Band, BandMemberRow, BandRole } from '@/lib/database.types';
import { departureMessages, leaveNotice } from '@/lib/bands/notice';
import { useAuth } from '@/lib/live/auth-provider';
import type { ConnectionState } from '@/lib/live/connection';
import { rowKey } from '@/lib/live/definition';
import { BandMembersStoreProvider, BandsStoreProvider, useBandMembersStore, useBandMembersStoreApi, useBandsStore, useBandsStoreApi } from '@/lib/live/stores';
import { bandMembersTable, bandsTable } from '@/lib/live/tables/bands';
import { liveFeed, useLiveChannel } from '@/lib/live/use-live-channel';

type Departure = 'left' | 'deleted';

type BandLiveValue = {
  bandId: string;
  userId: string;
  name: string;
  members: BandMemberRow[];
  /** This user's role as the band's line-up says right now (undefined once they are out). */
  role: BandRole | undefined;
  connection: ConnectionState;
  /** This device is about to leave or delete the band: the coming events are its own doing, not news. */
  expectDeparture: (kind: Departure | null) => void;
  /** Leaves the band's pages for /bands, saying why (once; later calls do nothing). */
  departed: () => void;
};

const BandLiveContext = createContext<BandLiveValue | null>(null);

/**
 * The band and its line-up, live on every page of the band (channel `band:<id>` through the live-table kernel):
 * a rename shows wherever the name does, a role change changes what the user may do, and when this user leaves
 * or is removed, or the band is deleted, every device of theirs leaves the band's pages for /bands with a notice.
 */
export function BandLive({ band, members, userId, children }: { band: Band; members: BandMemberRow[]; userId: string; children: ReactNode }) {
  return (
    <BandsStoreProvider initialRows={[band]}>
      <BandMembersStoreProvider initialRows={members}>
        <BandWatch bandId={band.id} userId={userId} initialName={band.name}>
          {children}
        </BandWatch>
      </BandMembersStoreProvider>
    </BandsStoreProvider>
  );
}

function BandWatch({ bandId, userId, initialName, children }: { bandId: string; userId: string; initialName: string; children: ReactNode }) {
  const router = useRouter();
  const { supabase } = useAuth();
  const bands = useBandsStoreApi();
  const lineUp = useBandMembersStoreApi();
  const feeds = useMemo(() => [liveFeed(bandsTable, bands), liveFeed(bandMembersTable, lineUp)], [bands, lineUp]);
  const connection = useLiveChannel(`band:${bandId}`, bandId, feeds);
  const band = useBandsStore((state) => state.rows[0]);
  const members = useBandMembersStore((state) => state.rows);
  // What this user may do follows the server's word, not this device's own unanswered change: an owner trying to
  // step down keeps the owner's controls (and sees the refusal) instead of losing them for a moment.
  const role = useBandMembersStore((state) => state.confirmed[rowKey(bandMembersTable, { band_id: bandId, user_id: userId })!]?.role);

  // The name to use in the notice once the band's row is gone from this view.
  const lastName = useRef(initialName);
  const intent = useRef<Departure | null>(null);
  const gone = useRef(false);
  useEffect(() => {
    if (!band) return;
    // The page title names the band (the layout's metadata); a bandmate's rename replaces it there too.
    if (band.name !== lastName.current) document.title = document.title.replace(` · ${lastName.current} · `, ` · ${band.name} · `);
    lastName.current = band.name;
  }, [band]);

  const leave = useCallback(
    (message: string) => {
      if (gone.current) return;
      gone.current = true;
      leaveNotice(message);
      router.replace('/bands');
    },
    [router],
  );

  const departed = useCallback(() => leave(departureMessages[intent.current ?? 'left'](lastName.current)), [leave]);

  // Events arrive one at a time: a deleted band's own row goes first (the cascade to band_members follows), so
  // "band gone, me still listed" is a deletion and "me gone, band still here" a removal. Both at once is a refetch
  // after a reconnect, which cannot tell the two apart.
  useEffect(() => {
    const check = () => {
      const bandGone = bands.getState().rows.length === 0;
      const meGone = !lineUp.getState().rows.some((member) => member.user_id === userId);
      if (!bandGone && !meGone) return;
      const name = lastName.current;
      if (intent.current) leave(departureMessages[intent.current](name));
      else leave(bandGone && meGone ? departureMessages.lost(name) : bandGone ? departureMessages.deleted(name) : departureMessages.removed(name));
    };
    const unsubscribe = [bands.subscribe(check), lineUp.subscribe(check)];
    return () => unsubscribe.forEach((undo) => undo());
  }, [bands, lineUp, userId, leave]);

  // A device that missed the events (asleep, offline) rejoins a private channel Realtime now refuses: instead of
  // "Reconnecting…" forever, ask whether this user is still in the band.
  useEffect(() => {
    if (connection !== 'reconnecting') return;
    let active = true;
    void supabase.rpc('band_role', { p_band_id: bandId }).then(({ data, error }) => {
      if (active && !error && !data) leave(departureMessages.lost(lastName.current));
    });
    return () => {
      active = false;
    };
  }, [connection, supabase, bandId, leave]);

  const value = useMemo<BandLiveValue>(
    () => ({
      bandId,
      userId,
      name: band?.name ?? lastName.current,
      members,
      role,
      connection,
      expectDeparture: (kind) => {
        intent.current = kind;
      },
      departed,
    }),
    [bandId, userId, band, members, role, connection, departed],
  );
  return <BandLiveContext.Provider value={value}>{children}</BandLiveContext.Provider>;
}

export function useLiveBand(): BandLiveValue {
  const value = useContext(BandLiveContext);
  if (!value) throw new Error('useLiveBand must be used inside <BandLive>.');
  return value;
}

/** The band's name as a heading, following renames live. */
export function BandTitle() {
  return <h1 className="text-2xl font-bold break-words">{useLiveBand().name}</h1>;
}
