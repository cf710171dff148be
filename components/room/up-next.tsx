'use client';

import { transposeKey } from '@/lib/setlists/transpose';
import { itemTitle, upNext, type RoomItem } from '@/lib/rooms/items';
import { formatMinutes } from './item-timer';

/** What follows the item on screen: a set break first if there is one, then the next song with its key. */
export function UpNext({ items, from }: { items: RoomItem[]; from: string | null }) {
  const next = upNext(items, from);
  return (
    <section aria-label="Up next" className="rounded-xl border border-white/20 p-3">
      <h2 className="text-sm uppercase tracking-wide text-zinc-400">Up next</h2>
      {next.length ? (
        <ul className="flex flex-col gap-1">
          {next.map((item) => (
            <li key={item.id} data-field="up-next" className={item.kind === 'song' ? 'text-2xl font-bold' : 'text-lg text-amber-200'}>
              {itemTitle(item)}
              {item.kind === 'break' && item.durationS ? ` · ${formatMinutes(item.durationS)}` : ''}
              {item.kind === 'song' && item.song?.key ? <span className="ml-2 text-base font-normal text-zinc-300">{transposeKey(item.song.key, item.transpose)}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-lg text-zinc-300">End of the set.</p>
      )}
    </section>
  );
}
