'use client';

import { useCallback, useMemo } from 'react';
import { useActionError } from '@/components/ui/use-action-error';
import { addItem, patchItem, removeItem } from '@/lib/actions/setlist-items';
import type { SetlistItem } from '@/lib/database.types';
import { newId } from '@/lib/live/new-id';
import { useSetlistItemsStoreApi } from '@/lib/live/stores';
import { draftItem, setlistItemsTable } from '@/lib/live/tables/setlists';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { keyAtEnd, keyForMove } from '@/lib/order/keys';
import type { ItemPatch } from '@/lib/validation/setlist';

type NewItem = { kind: 'song'; song_id: string } | { kind: 'break'; notes?: string | null; duration_override_s?: number | null } | { kind: 'note'; notes: string };

/**
 * Every change the setlist editor makes, each shown at once (optimistic echo) and settled by the server's answer.
 * `error` is the latest refusal, in words, for the editor's alert; a later success clears it.
 */
export function useItemActions(bandId: string, setlistId: string) {
  const store = useSetlistItemsStoreApi();
  const mutate = useLiveMutation(setlistItemsTable, store);
  const { error, report, dismiss } = useActionError();

  const add = useCallback(
    async (input: NewItem) => {
      const fields = { ...input, id: newId(), band_id: bandId, setlist_id: setlistId, position: keyAtEnd(store.getState().rows) };
      report(await mutate({ kind: 'insert', row: draftItem(fields) }, () => addItem(fields), undefined, { op: 'setlist-items.add', payload: fields, label: 'Add to the setlist' }));
    },
    [mutate, report, bandId, setlistId, store],
  );

  const patch = useCallback(
    async (item: SetlistItem, changes: ItemPatch) => {
      const input = { id: item.id, band_id: item.band_id, patch: changes };
      report(await mutate({ kind: 'update', row: { id: item.id }, patch: changes }, () => patchItem(input), undefined, { op: 'setlist-items.patch', payload: input, label: 'Change a setlist item' }));
    },
    [mutate, report],
  );

  /** Moves `item` to `toIndex` of the list as it reads after the move; writes only this item's position. */
  const move = useCallback(
    (item: SetlistItem, toIndex: number) => patch(item, { position: keyForMove(store.getState().rows, item.id, toIndex) }),
    [patch, store],
  );

  const remove = useCallback(
    async (item: SetlistItem) => {
      const input = { id: item.id, band_id: item.band_id };
      report(await mutate({ kind: 'delete', row: { id: item.id } }, () => removeItem(input), undefined, { op: 'setlist-items.remove', payload: input, label: 'Remove from the setlist' }));
    },
    [mutate, report],
  );

  // One stable object while nothing changes, so memoised rows do not all re-render on every store update.
  return useMemo(() => ({ add, patch, move, remove, error, dismiss }), [add, patch, move, remove, error, dismiss]);
}
