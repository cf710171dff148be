'use client';

import { useCallback } from 'react';
import { formValues } from '@/lib/validation/form';
import { rowKey, type LiveRow, type LiveTable } from './definition';
import { newId } from './new-id';
import { useOfflineQueue } from './offline/offline-queue';
import { QUEUED, UNREACHABLE } from './result';
import { overlayOf, settlementOf, type LiveChange } from './settlement';
import type { LiveStoreApi } from './store';

export type { LiveChange } from './settlement';

/** How to keep a change when the server cannot be reached: a replay op the app registered, its input and name. */
export type Replayable = { op: string; payload: unknown; label: string };

type Unreachable = typeof UNREACHABLE & { values?: Record<string, string> };

/**
 * The action → store wiring every live form and control shares: shows `change` in the same frame as the click
 * (optimistic echo), runs the server action, then settles by the answer. Saved: the saved row (newer version)
 * replaces the echo. Conflict: the bandmate's row shows. Gone: the row goes. Refused (validation, RLS): the echo
 * is dropped and the server's value shows again, and the caller tells the user why from the returned result.
 *
 * Offline (or the server unreachable), a change with `replayable` is kept in the band's offline queue instead:
 * the echo stays, marked as waiting, and the answer is `queued`; the queue replays it in order later. Without
 * `replayable` (or outside a queue) the answer is "could not reach the server", and nothing shows as saved.
 */
export function useLiveMutation<Row extends LiveRow>(definition: LiveTable<Row>, store: LiveStoreApi<Row>) {
  const queue = useOfflineQueue();
  return useCallback(
    async <Result extends { status: string }>(
      change: LiveChange<Row> | null,
      action: () => Promise<Result>,
      /** The submitted form, if any: when the server cannot be reached its fields come back with the error. */
      form?: FormData,
      replayable?: Replayable,
    ): Promise<Result | typeof QUEUED | Unreachable> => {
      const key = change ? rowKey(definition, change.row) : undefined;
      const id = newId();
      if (change && key !== undefined) {
        store.getState().applyOptimistic(key, overlayOf(id, change));
        // The store update queued React's render as a microtask; yielding one lets that render commit the echo
        // before the server action's request is built (a few ms of work that otherwise delays the frame).
        await Promise.resolve();
      }
      const keep = async () => {
        await queue!.enqueue({ id, table: definition.table, key, change: change as LiveChange<Record<string, unknown>> | null, ...replayable! });
        return QUEUED;
      };
      // Behind changes that still wait, a new one waits too: replays must land in the order they were made.
      if (replayable && queue && (!navigator.onLine || queue.hasWaiting())) return keep();
      let result: Result | Unreachable;
      try {
        result = await action();
      } catch (error) {
        // A server action that cannot reach the server rejects (fetch failed); nothing was written.
        if (replayable && queue) return keep();
        console.warn('A save did not reach the server', error);
        result = form ? { ...UNREACHABLE, values: formValues(form) } : UNREACHABLE;
      }
      const answer = settlementOf<Row>(result);
      const state = store.getState();
      if (key !== undefined) state.settle(key, id, answer);
      else {
        if (answer.row) state.applyUpsert(answer.row);
        if (answer.gone) state.applyDelete(answer.gone);
      }
      return result;
    },
    [definition, store, queue],
  );
}
