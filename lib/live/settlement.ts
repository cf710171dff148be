import type { Overlay, Settlement } from './merge';
import type { LiveResult } from './result';

// How a change is shown before the server answers, and how an answer settles it: shared by a live save
// (useLiveMutation) and an offline replay (offline/offline-queue.tsx).

/** What this device expects an action to do, shown at once: a new row, a patch of a row, or its removal. */
export type LiveChange<Row> =
  | { kind: 'insert'; row: Row }
  | { kind: 'update'; row: Partial<Row>; patch: Partial<Row> }
  | { kind: 'delete'; row: Partial<Row> };

export function overlayOf<Row>(id: string, change: LiveChange<Row>): Overlay<Row> {
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
