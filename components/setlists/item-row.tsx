'use client';

import { memo, useMemo } from 'react';
import { GripVertical, X } from 'lucide-react';
import type { SetlistItem, Song } from '@/lib/database.types';
import { rowKey } from '@/lib/live/definition';
import { useWaiting } from '@/lib/live/offline/offline-queue';
import { useSetlistItemsStore } from '@/lib/live/stores';
import { setlistItemsTable } from '@/lib/live/tables/setlists';
import { clock } from '@/lib/setlists/timing';
import { semitoneLabel, transposeKey } from '@/lib/setlists/transpose';
import { useSortableRow } from '@/components/ui/sortable-list';
import { ItemDetails } from './item-details';
import { SetHeading } from './set-heading';
import { TransposeStepper } from './transpose-stepper';
import type { useItemActions } from './use-item-actions';

type Props = {
  item: SetlistItem;
  song: Song | undefined;
  title: string;
  /** For a break: the set it opens, shown under it (plain values, so the memoised row stays memoised). */
  opensSetName?: string;
  opensSetSeconds?: number;
  actions: ReturnType<typeof useItemActions>;
};

// Hoisted: the shell re-renders on every drag event, and the same element lets React skip the icon each time.
const GRIP = <GripVertical aria-hidden className="size-5" />;
const iconButton = 'flex min-h-11 min-w-11 items-center justify-center rounded-lg text-zinc-300 hover:text-amp-400 focus-visible:outline-2 focus-visible:outline-amp-400';

/**
 * One item of the setlist. dnd-kit re-renders every sortable row on each drag event, so the row itself is only
 * the sortable shell (position, transform, handle) and everything else is a memoised body that a drag never
 * re-renders: a 60-item setlist must drag without a long task.
 */
export const ItemRow = memo(function ItemRow(props: Props) {
  const { item, title } = props;
  const { ref, style, handle, isDragging } = useSortableRow(item.id);
  const key = useMemo(() => rowKey(setlistItemsTable, item)!, [item]);
  const saving = useSetlistItemsStore((store) => key in store.overlays);
  const waiting = useWaiting(setlistItemsTable.table, key);
  return (
    <li
      ref={ref}
      style={style}
      aria-label={title}
      data-item-id={item.id}
      data-kind={item.kind}
      data-version={item.version}
      data-pending={saving || undefined}
      className={`flex items-start rounded-xl border bg-stage-900 ${isDragging ? 'relative z-10 border-amp-400 shadow-lg' : 'border-white/10'} ${item.kind === 'break' ? 'border-dashed' : ''}`}
    >
      <button type="button" className={`${iconButton} mt-1 cursor-grab touch-none`} aria-label={`Move ${title}`} {...handle}>
        {GRIP}
      </button>
      <ItemBody {...props} saving={saving} waiting={waiting} />
    </li>
  );
});

const ItemBody = memo(function ItemBody({ item, song, title, opensSetName, opensSetSeconds, actions, saving, waiting }: Props & { saving: boolean; waiting: boolean }) {
  const seconds = item.duration_override_s ?? (item.kind === 'song' ? (song?.duration_s ?? null) : null);
  return (
    <div className="min-w-0 flex-1">
      <div className="flex items-center gap-1 pr-1">
        <div className="min-w-0 flex-1 py-2">
          <p className={`break-words ${item.kind === 'note' ? 'italic text-zinc-300' : 'font-semibold'}`} data-field="title">
            {item.kind === 'note' ? item.notes : item.kind === 'break' ? 'Break' : title}
          </p>
          <p className="text-sm text-zinc-300">
            {song?.key ? (
              <span data-field="key">{item.transpose ? `${transposeKey(song.key, item.transpose)} (${song.key} ${semitoneLabel(item.transpose)})` : song.key}</span>
            ) : null}
            {song?.key && seconds !== null ? ' · ' : null}
            {seconds !== null ? <span data-field="length">{clock(seconds)}</span> : null}
            {saving ? <span className="ml-2 text-xs text-amp-400">{waiting ? 'Waiting to sync' : 'Saving…'}</span> : null}
          </p>
        </div>
        {item.kind === 'song' ? (
          <TransposeStepper title={title} value={item.transpose} onChange={(transpose) => void actions.patch(item, { transpose })} />
        ) : null}
        <button type="button" className={iconButton} aria-label={`Remove ${title}`} onClick={() => void actions.remove(item)}>
          <X aria-hidden className="size-5" />
        </button>
      </div>
      <ItemDetails item={item} title={title} actions={actions} />
      {opensSetName !== undefined ? (
        <div className="border-t border-white/10 py-2 pr-3">
          <SetHeading name={opensSetName} seconds={opensSetSeconds ?? 0} />
        </div>
      ) : null}
    </div>
  );
});
