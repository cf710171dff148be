'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import type { ShowRow } from '@/lib/database.types';
import { useSetlistItemsStore, useSetlistsStore } from '@/lib/live/stores';
import { compareItems } from '@/lib/order/keys';
import { againstTarget, clock } from '@/lib/setlists/timing';
import { useSetlistTiming } from '@/components/setlists/use-setlist-timing';
import { buttonClass } from '@/components/ui/button';

/** The attached setlist with its running time against the slot (set start → set end). */
export function ShowSetlist({ bandId, show }: { bandId: string; show: ShowRow }) {
  const setlist = useSetlistsStore((state) => state.rows.find((row) => row.id === show.setlist_id));
  const allItems = useSetlistItemsStore((state) => state.rows);
  const items = useMemo(() => allItems.filter((item) => item.setlist_id === show.setlist_id).sort(compareItems), [allItems, show.setlist_id]);
  const timing = useSetlistTiming(items);
  const slot = show.set_end_at ? Math.round((Date.parse(show.set_end_at) - Date.parse(show.set_start_at ?? show.starts_at)) / 1000) : null;
  const fit = againstTarget(timing.totalSeconds, slot);
  if (!setlist) return <p className="text-sm text-zinc-300">No setlist attached yet. Pick one in Edit.</p>;
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="show-setlist">
      <Link href={`/bands/${bandId}/setlists/${setlist.id}`} className="inline-flex min-h-11 items-center font-semibold text-amp-400 underline">
        {setlist.name}
      </Link>
      <p>
        {timing.sets.reduce((sum, set) => sum + set.songs, 0)} songs · {clock(timing.totalSeconds)}
        {timing.unknown ? ` (+ ${timing.unknown} without a length)` : ''}
        {slot !== null ? ` · slot ${clock(slot)}` : ' · set an end time to compare with the slot'}
        {fit ? <span className={fit.tone === 'over' ? ' text-red-300' : ' text-emerald-300'}> · {fit.label}</span> : null}
      </p>
      <Link href={`/bands/${bandId}/shows/${show.id}/stage`} className={buttonClass('primary', 'self-start')}>
        Stage mode
      </Link>
    </div>
  );
}
