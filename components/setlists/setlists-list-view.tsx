'use client';

import Link from 'next/link';
import type { Setlist, SetlistItem } from '@/lib/database.types';
import { useSetlistItemsStore, useSetlistsStore } from '@/lib/live/stores';
import { againstTarget, clock } from '@/lib/setlists/timing';
import { SectionHeader } from '@/components/ui/section-header';
import { NewSetlistButton } from './new-setlist-button';
import { useSetlistsChannel } from './setlists-live';
import { useSetlistTiming } from './use-setlist-timing';

export function SetlistsListView({ bandId }: { bandId: string }) {
  const connection = useSetlistsChannel(bandId);
  const setlists = useSetlistsStore((store) => store.rows);
  const items = useSetlistItemsStore((store) => store.rows);
  return (
    <div className="flex flex-col gap-4">
      <SectionHeader title="Setlists" count={setlists.length} connection={connection} />
      <NewSetlistButton bandId={bandId} />
      {setlists.length === 0 ? (
        <p className="text-zinc-400">No setlists yet. Create the first one with “New setlist”.</p>
      ) : (
        <ul aria-label="Setlists" className="grid gap-3 sm:grid-cols-2">
          {setlists.map((setlist) => (
            <SetlistCard key={setlist.id} setlist={setlist} items={items.filter((item) => item.setlist_id === setlist.id)} />
          ))}
        </ul>
      )}
    </div>
  );
}

function SetlistCard({ setlist, items }: { setlist: Setlist; items: SetlistItem[] }) {
  const timing = useSetlistTiming(items);
  const songs = timing.sets.reduce((sum, set) => sum + set.songs, 0);
  const target = againstTarget(timing.totalSeconds, setlist.target_duration_s);
  return (
    <li aria-label={setlist.name} data-setlist-id={setlist.id} className="rounded-xl border border-white/10 bg-stage-900">
      <Link href={`/bands/${setlist.band_id}/setlists/${setlist.id}`} className="flex min-h-11 flex-col gap-1 p-4 hover:border-amp-400">
        <span className="font-semibold text-zinc-100">{setlist.name}</span>
        <span className="text-sm text-zinc-300">
          <span data-field="songs">{songs === 1 ? '1 song' : `${songs} songs`}</span>
          {' · '}
          <span data-field="sets">{timing.sets.length === 1 ? '1 set' : `${timing.sets.length} sets`}</span>
          {' · '}
          <span data-field="total">{clock(timing.totalSeconds)}</span>
          {target ? <span className={target.tone === 'over' ? 'text-red-300' : 'text-emerald-300'}>{` · ${target.label}`}</span> : null}
        </span>
      </Link>
    </li>
  );
}
