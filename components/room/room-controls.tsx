'use client';

import { Button } from '@/components/ui/button';
import { itemTitle, stepSong, type RoomItem } from '@/lib/rooms/items';

type Navigation = { shown: string | null; brokeAway: boolean; step: (delta: number) => void; rejoin: () => void };

/**
 * Previous / next as buttons (the keys do the same), and, for a follower looking ahead, where the room is and a
 * one-tap way back to it.
 */
export function RoomControls({ items, current, leading, navigation, large = false }: { items: RoomItem[]; current: string | null; leading: boolean; navigation: Navigation; large?: boolean }) {
  const { shown, brokeAway, step, rejoin } = navigation;
  const roomItem = items.find((item) => item.id === current);
  const size = large ? 'min-h-14 text-lg' : '';
  return (
    <div className="flex flex-col gap-2">
      {brokeAway ? (
        <p role="status" data-field="broke-away" className="flex flex-wrap items-center gap-2 rounded-lg border border-sky-400/50 bg-sky-950/60 px-3 py-2 text-sm text-sky-100">
          You are looking ahead. The room is on {roomItem ? `“${itemTitle(roomItem)}”` : 'another item'}.
          <Button variant="secondary" onClick={rejoin}>
            Rejoin the room
          </Button>
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-2">
        <Button variant="secondary" className={size} disabled={!stepSong(items, shown, -1)} onClick={() => step(-1)}>
          {leading ? 'Previous song' : 'Look back'}
        </Button>
        <Button className={size} disabled={!stepSong(items, shown, 1)} onClick={() => step(1)}>
          {leading ? 'Next song' : 'Look ahead'}
        </Button>
      </div>
    </div>
  );
}
