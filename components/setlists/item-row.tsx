'use client';

import { memo } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { GripVertical, X } from 'lucide-react';
import type { SetlistItem, Song } from '@/lib/database.types';
import { rowKey } from '@/lib/live/definition';
import { useSetlistItemsStore } from '@/lib/live/stores';
import { setlistItemsTable } from '@/lib/live/tables/setlists';
import { clock } from '@/lib/setlists/timing';
import { semitoneLabel, transposeKey } from '@/lib/setlists/transpose';
import { ItemDetails } from './item-details';
import { SetHeading } from './set-heading';
import type { useItemActions } from './use-item-actions';

type Props = {
  item: SetlistItem;
  song: Song | undefined;
  title: string;
  /** For a break: the set it opens, shown under it. */
  opensSet?: { name: string; seconds: number };
  actions: ReturnType<typeof useItemActions>;
};

const SEMITONES = Array.from({ length: 23 }, (_, index) => index - 11);
const iconButton = 'flex min-h-11 min-w-11 items-center justify-center rounded-lg text-zinc-300 hover:text-amp-400 focus-visible:outline-2 focus-visible:outline-amp-400';

/** One item of the setlist; memoised so a drag over 60 items re-renders only what moved. */
export const ItemRow = memo(function ItemRow({ item, song, title, opensSet, actions }: Props) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id });
  const saving = useSetlistItemsStore((store) => rowKey(setlistItemsTable, item)! in store.overlays);
  const seconds = item.duration_override_s ?? (item.kind === 'song' ? (song?.duration_s ?? null) : null);
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      aria-label={title}
      data-item-id={item.id}
      data-kind={item.kind}
      data-version={item.version}
      data-pending={saving || undefined}
      className={`rounded-xl border bg-stage-900 ${isDragging ? 'relative z-10 border-amp-400 shadow-lg' : 'border-white/10'} ${item.kind === 'break' ? 'border-dashed' : ''}`}
    >
      <div className="flex items-center gap-1 pr-1">
        <button type="button" className={`${iconButton} cursor-grab touch-none`} aria-label={`Move ${title}`} {...attributes} {...listeners}>
          <GripVertical aria-hidden className="size-5" />
        </button>
        <div className="min-w-0 flex-1 py-2">
          <p className={`truncate ${item.kind === 'note' ? 'italic text-zinc-300' : 'font-semibold'}`} data-field="title">
            {item.kind === 'note' ? item.notes : item.kind === 'break' ? 'Break' : title}
          </p>
          <p className="text-sm text-zinc-300">
            {song?.key ? (
              <span data-field="key">{item.transpose ? `${transposeKey(song.key, item.transpose)} (${song.key} ${semitoneLabel(item.transpose)})` : song.key}</span>
            ) : null}
            {song?.key && seconds !== null ? ' · ' : null}
            {seconds !== null ? <span data-field="length">{clock(seconds)}</span> : null}
            {saving ? <span className="ml-2 text-xs text-amp-400">Saving…</span> : null}
          </p>
        </div>
        {item.kind === 'song' ? (
          <label className="flex items-center gap-1 text-xs text-zinc-400">
            <span className="sr-only sm:not-sr-only">Transpose</span>
            <select
              aria-label={`Transpose ${title}`}
              data-field="transpose"
              value={item.transpose}
              onChange={(event) => void actions.patch(item, { transpose: Number(event.target.value) })}
              className="min-h-11 rounded-lg border border-white/15 bg-stage-950 px-2 text-sm text-zinc-100"
            >
              {SEMITONES.map((semitones) => (
                <option key={semitones} value={semitones}>
                  {semitoneLabel(semitones)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" className={iconButton} aria-label={`Remove ${title}`} onClick={() => void actions.remove(item)}>
          <X aria-hidden className="size-5" />
        </button>
      </div>
      <ItemDetails item={item} title={title} actions={actions} />
      {opensSet ? (
        <div className="border-t border-white/10 px-3 py-2">
          <SetHeading name={opensSet.name} seconds={opensSet.seconds} />
        </div>
      ) : null}
    </li>
  );
});
