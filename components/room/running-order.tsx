'use client';

import { itemTitle, type RoomItem } from '@/lib/rooms/items';

/**
 * The agenda or setlist as the room runs it. The room's current item is marked for everyone; a tap on a song
 * moves the room (leader) or looks at it on this screen only (follower).
 */
export function RunningOrder({ items, current, shown, leading, onPick }: { items: RoomItem[]; current: string | null; shown: string | null; leading: boolean; onPick: (itemId: string) => void }) {
  return (
    <ol aria-label="Running order" className="flex flex-col gap-1">
      {items.map((item) => {
        const title = itemTitle(item);
        const isCurrent = item.id === current;
        const look = item.id === shown && !isCurrent ? ' border-sky-400/60' : '';
        return (
          <li key={item.id} aria-label={title} aria-current={isCurrent ? 'step' : undefined} className={`rounded-lg border ${isCurrent ? 'border-amp-400 bg-amp-500/10' : 'border-white/10'}${look}`}>
            {item.kind === 'song' ? (
              <button type="button" onClick={() => onPick(item.id)} className="flex min-h-11 w-full items-center justify-between gap-2 px-3 text-left">
                <span className="min-w-0 truncate">{title}</span>
                <span className="shrink-0 text-xs text-zinc-400">{isCurrent ? 'Now' : leading ? 'Go here' : 'Look'}</span>
              </button>
            ) : (
              <p className="flex min-h-11 items-center px-3 text-sm text-zinc-400">{title}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
