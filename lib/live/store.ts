import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LiveRow, LiveTable } from './definition';
import { applyDelete, applyOptimistic, applySnapshot, applyUpsert, initialLiveState, settle, type LiveState, type Overlay, type Settlement } from './merge';

export type LiveActions<Row> = {
  /** INSERT and UPDATE events, action results: kept when newer by version. */
  applyUpsert: (row: Row) => void;
  applyDelete: (old: Partial<Row>) => void;
  /** A refetch's rows; `since` is the store's `clock` when its query was sent. */
  applySnapshot: (rows: Row[], since: number) => void;
  applyOptimistic: (key: string, overlay: Overlay<Row>) => void;
  settle: (key: string, id: string, answer: Settlement<Row>) => void;
};

export type LiveStore<Row> = LiveState<Row> & LiveActions<Row>;
export type LiveStoreApi<Row> = StoreApi<LiveStore<Row>>;

/**
 * One store per mounted view (the with-zustand pattern): a module-global store would leak one user's rows into
 * another's render on the server and keep stale bands alive across navigations in the browser.
 */
export function createLiveStore<Row extends LiveRow>(definition: LiveTable<Row>, initial: Row[]): LiveStoreApi<Row> {
  return createStore<LiveStore<Row>>()((set) => ({
    ...initialLiveState(definition, initial),
    applyUpsert: (row) => set((state) => applyUpsert(definition, state, row)),
    applyDelete: (old) => set((state) => applyDelete(definition, state, old)),
    applySnapshot: (rows, since) => set((state) => applySnapshot(definition, state, rows, since)),
    applyOptimistic: (key, overlay) => set((state) => applyOptimistic(definition, state, key, overlay)),
    settle: (key, id, answer) => set((state) => settle(definition, state, key, id, answer)),
  }));
}
