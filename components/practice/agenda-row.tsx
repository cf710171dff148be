'use client';

import { memo, useMemo } from 'react';
import { ArrowDown, ArrowUp, GripVertical, X } from 'lucide-react';
import type { LearnState, PracticeItemRow } from '@/lib/database.types';
import { rowKey } from '@/lib/live/definition';
import { useWaiting } from '@/lib/live/offline/offline-queue';
import { usePracticeItemsStore } from '@/lib/live/stores';
import { practiceItemsTable } from '@/lib/live/tables/calendar';
import { useSortableRow } from '@/components/ui/sortable-list';
import { GoalEditor } from './goal-editor';
import { LearnChips, MyLearnStatus } from './learn-status';
import type { AgendaActions } from './use-agenda-actions';

type Props = {
  item: PracticeItemRow;
  title: string;
  index: number;
  count: number;
  statuses: Map<string, LearnState> | undefined;
  myStatus: LearnState | undefined;
  actions: AgendaActions;
};

const iconButton =
  'flex min-h-11 min-w-11 items-center justify-center rounded-lg text-zinc-300 hover:text-amp-400 disabled:opacity-30 focus-visible:outline-2 focus-visible:outline-amp-400';

/** One song of the agenda: drag handle, up/down buttons, its goal, everyone's learn status and mine. */
export const AgendaRow = memo(function AgendaRow({ item, title, index, count, statuses, myStatus, actions }: Props) {
  const { ref, style, handle, isDragging } = useSortableRow(item.id);
  const key = useMemo(() => rowKey(practiceItemsTable, item)!, [item]);
  const saving = usePracticeItemsStore((store) => key in store.overlays);
  const waiting = useWaiting(practiceItemsTable.table, key);
  return (
    <li
      ref={ref}
      style={style}
      aria-label={title}
      data-item-id={item.id}
      data-pending={saving || undefined}
      className={`flex items-start gap-1 rounded-xl border bg-stage-900 p-1 ${isDragging ? 'relative z-10 border-amp-400 shadow-lg' : 'border-white/10'}`}
    >
      <button type="button" className={`${iconButton} cursor-grab touch-none`} aria-label={`Move ${title}`} {...handle}>
        <GripVertical aria-hidden className="size-5" />
      </button>
      <div className="flex min-w-0 flex-1 flex-col gap-2 py-1 pr-1">
        <div className="flex items-center gap-1">
          <p className="min-w-0 flex-1 break-words font-semibold" data-field="title">
            {title}
            {saving ? <span className="ml-2 text-xs font-normal text-amp-400">{waiting ? 'Waiting to sync' : 'Saving…'}</span> : null}
          </p>
          <button type="button" className={iconButton} aria-label={`Move ${title} up`} disabled={index === 0} onClick={() => void actions.move(item, index - 1)}>
            <ArrowUp aria-hidden className="size-5" />
          </button>
          <button type="button" className={iconButton} aria-label={`Move ${title} down`} disabled={index === count - 1} onClick={() => void actions.move(item, index + 1)}>
            <ArrowDown aria-hidden className="size-5" />
          </button>
          <button type="button" className={iconButton} aria-label={`Remove ${title}`} onClick={() => void actions.remove(item)}>
            <X aria-hidden className="size-5" />
          </button>
        </div>
        <GoalEditor item={item} title={title} actions={actions} />
        <LearnChips title={title} statuses={statuses} />
        <MyLearnStatus bandId={item.band_id} songId={item.song_id} title={title} status={myStatus} />
      </div>
    </li>
  );
});
