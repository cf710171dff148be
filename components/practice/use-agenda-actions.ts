'use client';

import { useCallback, useMemo } from 'react';
import { useActionError } from '@/components/ui/use-action-error';
import { addAgendaItem, patchAgendaItem, removeAgendaItem } from '@/lib/actions/practice-items';
import type { PracticeItemRow } from '@/lib/database.types';
import { newId } from '@/lib/live/new-id';
import { usePracticeItemsStoreApi } from '@/lib/live/stores';
import { draftRow, practiceItemsTable } from '@/lib/live/tables/calendar';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { keyAtEnd, keyForMove } from '@/lib/order/keys';
import type { AgendaPatch } from '@/lib/validation/practice';

/**
 * Every change the agenda makes (as the setlist editor's item actions), each shown at once and settled by the
 * server's answer. The store holds every session's items; `agenda` is this session's, in order.
 */
export function useAgendaActions(bandId: string, sessionId: string, agenda: PracticeItemRow[]) {
  const store = usePracticeItemsStoreApi();
  const mutate = useLiveMutation(practiceItemsTable, store);
  const { error, report, dismiss } = useActionError();

  const add = useCallback(
    async (songId: string, goal: string | null) => {
      const fields = { id: newId(), band_id: bandId, session_id: sessionId, song_id: songId, position: keyAtEnd(agenda), goal };
      const replayable = { op: 'practice-items.add', payload: fields, label: 'Add to the practice agenda' };
      report(await mutate({ kind: 'insert', row: draftRow<PracticeItemRow>(fields) }, () => addAgendaItem(fields), undefined, replayable));
    },
    [mutate, report, bandId, sessionId, agenda],
  );

  const patch = useCallback(
    async (item: PracticeItemRow, changes: AgendaPatch) => {
      const input = { id: item.id, band_id: item.band_id, ...changes };
      const replayable = { op: 'practice-items.patch', payload: input, label: 'Change an agenda item' };
      report(await mutate({ kind: 'update', row: { id: item.id }, patch: changes }, () => patchAgendaItem(input), undefined, replayable));
    },
    [mutate, report],
  );

  /** Moves `item` to `toIndex` of the agenda as it reads after the move; writes only this item's position. */
  const move = useCallback((item: PracticeItemRow, toIndex: number) => patch(item, { position: keyForMove(agenda, item.id, toIndex) }), [patch, agenda]);

  const remove = useCallback(
    async (item: PracticeItemRow) => {
      const input = { id: item.id, band_id: item.band_id };
      const replayable = { op: 'practice-items.remove', payload: input, label: 'Remove from the practice agenda' };
      report(await mutate({ kind: 'delete', row: { id: item.id } }, () => removeAgendaItem(input), undefined, replayable));
    },
    [mutate, report],
  );

  return useMemo(() => ({ add, patch, move, remove, error, dismiss }), [add, patch, move, remove, error, dismiss]);
}

export type AgendaActions = ReturnType<typeof useAgendaActions>;
