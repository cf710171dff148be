'use client';

import { useMemo } from 'react';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { SetlistItem, Song } from '@/lib/database.types';
import type { SetlistTiming } from '@/lib/setlists/timing';
import { ItemRow } from './item-row';
import { SetHeading } from './set-heading';
import type { useItemActions } from './use-item-actions';

type Props = { items: SetlistItem[]; songs: Map<string, Song>; timing: SetlistTiming; actions: ReturnType<typeof useItemActions> };

export function itemTitle(item: SetlistItem, songs: Map<string, Song>): string {
  if (item.kind === 'song') return songs.get(item.song_id ?? '')?.title ?? 'Unknown song';
  if (item.kind === 'break') return `Break${item.notes ? ` before ${item.notes}` : ''}`;
  return `Note: ${item.notes ?? ''}`;
}

/**
 * The setlist as one sortable list (dnd-kit): mouse, touch (press and hold, so the page still scrolls) and
 * keyboard (space lifts, arrows move, space drops, escape cancels), each move announced by title and position.
 */
export function SortableItems({ items, songs, timing, actions }: Props) {
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    // Instant scrolling: with smooth scrolling an arrow pressed while the page still glides was measured against
    // the moving page and could be lost.
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, scrollBehavior: 'auto' }),
  );
  const ids = useMemo(() => items.map((item) => item.id), [items]);
  const announcements = useMemo<Announcements>(() => {
    const title = (id: UniqueIdentifier) => {
      const item = items.find((candidate) => candidate.id === id);
      return item ? itemTitle(item, songs) : 'Item';
    };
    const place = (id: UniqueIdentifier | undefined) => `position ${ids.indexOf(String(id)) + 1} of ${ids.length}`;
    return {
      onDragStart: ({ active }) => `Picked up ${title(active.id)} at ${place(active.id)}. Arrow keys move it, space drops it, escape cancels.`,
      onDragOver: ({ active, over }) => (over ? `${title(active.id)} is now at ${place(over.id)}.` : `${title(active.id)} is outside the list.`),
      onDragEnd: ({ active, over }) => (over ? `${title(active.id)} dropped at ${place(over.id)}.` : `${title(active.id)} put back.`),
      onDragCancel: ({ active }) => `Move cancelled. ${title(active.id)} is back at ${place(active.id)}.`,
    };
  }, [items, ids, songs]);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const item = items.find((candidate) => candidate.id === active.id);
    if (item) void actions.move(item, ids.indexOf(String(over.id)));
  };

  // Set headings: the first set's before the first item, every other one in the break that opens it.
  let setIndex = 0;

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements }}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <SetHeading name={timing.sets[0]!.name} seconds={timing.sets[0]!.seconds} />
        <ol aria-label="Setlist items" className="flex flex-col gap-2">
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
        </ol>
      </SortableContext>
    </DndContext>
  );
}
