'use client';

import { useCallback, useMemo } from 'react';
import type { SetlistItem, Song } from '@/lib/database.types';
import type { SetlistTiming } from '@/lib/setlists/timing';
import { SortableList } from '@/components/ui/sortable-list';
import { ItemRow } from './item-row';
import { SetHeading } from './set-heading';
import type { useItemActions } from './use-item-actions';

type Props = { items: SetlistItem[]; songs: Map<string, Song>; timing: SetlistTiming; actions: ReturnType<typeof useItemActions> };

export function itemTitle(item: SetlistItem, songs: Map<string, Song>): string {
  if (item.kind === 'song') return songs.get(item.song_id ?? '')?.title ?? 'Unknown song';
  if (item.kind === 'break') return `Break${item.notes ? ` before ${item.notes}` : ''}`;
  return `Note: ${item.notes ?? ''}`;
}

/** The setlist as one sortable list (the shared SortableList: mouse, touch and keyboard, moves announced). */
export function SortableItems({ items, songs, timing, actions }: Props) {
  const ids = useMemo(() => items.map((item) => item.id), [items]);
  const title = useCallback((id: string) => {
    const item = items.find((candidate) => candidate.id === id);
    return item ? itemTitle(item, songs) : 'Item';
  }, [items, songs]);
  const onMove = useCallback((id: string, toIndex: number) => {
    const item = items.find((candidate) => candidate.id === id);
    if (item) void actions.move(item, toIndex);
  }, [items, actions]);

  // Set headings: the first set's before the first item, every other one in the break that opens it.
  let setIndex = 0;

  return (
    <>
      <SetHeading name={timing.sets[0]!.name} seconds={timing.sets[0]!.seconds} />
      <SortableList ids={ids} label="Setlist items" title={title} onMove={onMove}>
        {items.map((item) => {
          const opens = item.kind === 'break' ? timing.sets[++setIndex] : undefined;
          return (
            <ItemRow
              key={item.id}
              item={item}
              song={item.song_id ? songs.get(item.song_id) : undefined}
              title={itemTitle(item, songs)}
              opensSetName={opens?.name}
              opensSetSeconds={opens?.seconds}
              actions={actions}
            />
          );
        })}
      </SortableList>
    </>
  );
}
