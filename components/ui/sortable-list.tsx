'use client';

import { useMemo, type CSSProperties, type ReactNode } from 'react';
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
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';

// The sortable list every ordered feature shares (setlists, practice agendas): one DndContext per list, the
// sensors, and the moves announced by title and position. Each feature renders its own rows with useSortableRow.

type Props = {
  ids: string[];
  /** The list's accessible name (the <ol>'s aria-label). */
  label: string;
  /** An item's title, for the screen-reader announcements. */
  title: (id: string) => string;
  /** `id` dropped at `toIndex` of the list as it reads after the move (dnd-kit's arrayMove). */
  onMove: (id: string, toIndex: number) => void;
  children: ReactNode;
};

/**
 * Mouse, touch (press and hold, so the page still scrolls) and keyboard (space lifts, arrows move, space drops,
 * escape cancels), each move announced by title and position.
 */
export function SortableList({ ids, label, title, onMove, children }: Props) {
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    // Instant scrolling: with smooth scrolling an arrow pressed while the page still glides was measured against
    // the moving page and could be lost.
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, scrollBehavior: 'auto' }),
  );
  const announcements = useMemo<Announcements>(() => {
    const name = (id: UniqueIdentifier) => title(String(id));
    const place = (id: UniqueIdentifier | undefined) => `position ${ids.indexOf(String(id)) + 1} of ${ids.length}`;
    return {
      onDragStart: ({ active }) => `Picked up ${name(active.id)} at ${place(active.id)}. Arrow keys move it, space drops it, escape cancels.`,
      onDragOver: ({ active, over }) => (over ? `${name(active.id)} is now at ${place(over.id)}.` : `${name(active.id)} is outside the list.`),
      onDragEnd: ({ active, over }) => (over ? `${name(active.id)} dropped at ${place(over.id)}.` : `${name(active.id)} put back.`),
      onDragCancel: ({ active }) => `Move cancelled. ${name(active.id)} is back at ${place(active.id)}.`,
    };
  }, [ids, title]);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) onMove(String(active.id), ids.indexOf(String(over.id)));
  };

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements }}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol aria-label={label} className="flex flex-col gap-2">
          {children}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

// dnd-kit opens a ResizeObserver per row when a drag starts; rows do not change size mid-drag, and sixty
// observers made the drag start a long task.
const NO_RESIZE_OBSERVER = { disabled: true };

/** One row of a SortableList: its ref and style go on the <li>, `handle` on the drag button. */
export function useSortableRow(id: string) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id, resizeObserverConfig: NO_RESIZE_OBSERVER });
  const style: CSSProperties = { transform: CSS.Translate.toString(transform), transition };
  return { ref: setNodeRef, style, handle: { ...attributes, ...listeners }, isDragging };
}
