'use client';

import { useCallback } from 'react';
import { formValues } from '@/lib/validation/form';
import { rowKey, type LiveRow, type LiveTable } from './definition';
import type { Overlay, Settlement } from './merge';
import { UNREACHABLE, type LiveResult } from './result';
import type { LiveStoreApi } from './store';

/** What this device expects an action to do, shown at once: a new row, a patch of a row, or its removal. */
export type LiveChange<Row> =
  | { kind: 'insert'; row: Row }
  | { kind: 'update'; row: Partial<Row>; patch: Partial<Row> }
  | { kind: 'delete'; row: Partial<Row> };

let mutations = 0;

function overlayOf<Row>(id: string, change: LiveChange<Row>): Overlay<Row> {
  if (change.kind === 'insert') return { id, kind: 'insert', row: change.row };
  if (change.kind === 'update') return { id, kind: 'update', patch: change.patch };
  return { id, kind: 'delete' };
}

/** What a result means for the store: saved and conflict bring the server's row, gone removes it. */
export function settlementOf<Row>(answer: { status: string }): Settlement<Row> {
  const result = answer as LiveResult<Row>;
  if (result.status === 'saved' || result.status === 'conflict') return { row: result.row };
  if (result.status === 'gone') return { gone: result.key };
  return {}; // refused, or a feature's own outcome (e.g. "in use"): nothing changed on the server
}

/**
 * The action → store wiring every live form and control shares: shows `change` in the same frame as the click
 * (optimistic echo), runs the server action, then settles by the answer. Saved: the saved row (newer version)
 * replaces the echo. Conflict: the bandmate's row shows. Gone: the row goes. Refused (validation, RLS) or no
 * answer at all: the echo is dropped and the server's value shows again, and the caller tells the user why
 * from the returned result. Nothing stays on screen as saved that the server did not save.
 */
export function useLiveMutation<Row extends LiveRow>(definition: LiveTable<Row>, store: LiveStoreApi<Row>) {
  return useCallback(
    async <Result extends { status: string }>(
      change: LiveChange<Row> | null,
      action: () => Promise<Result>,
      /** The submitted form, if any: when the server cannot be reached its fields come back with the error. */
      form?: FormData,
    ): Promise<Result | (typeof UNREACHABLE & { values?: Record<string, string> })> => {
      const key = change ? rowKey(definition, change.row) : undefined;
      const id = `m${++mutations}`;
      if (change && key !== undefined) {
        store.getState().applyOptimistic(key, overlayOf(id, change));
        // The store update queued React's render as a microtask; yielding one lets that render commit the echo
        // before the server action's request is built (a few ms of work that otherwise delays the frame).
        await Promise.resolve();
      }
      let result: Result | (typeof UNREACHABLE & { values?: Record<string, string> });
      try {
        result = await action();
      } catch (error) {
        // A server action that cannot reach the server rejects (fetch failed); nothing was written.
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
    [definition, store],
  );
}
