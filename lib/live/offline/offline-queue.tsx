'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LiveRow } from '../definition';
import { newId } from '../new-id';
import { overlayOf, settlementOf } from '../settlement';
import type { LiveStoreApi } from '../store';
import { againstRow, QUEUE_FORMAT, type QueuedChange } from './format';
import { deleteQueued, listQueued, putQueued } from './queue-db';
import { replayInOrder, type ReplayResult, type Replays } from './replay';

type Unreadable = { seq?: number; label: string; reason: string };
type QueueState = { changes: QueuedChange[]; unreadable: Unreadable[] };
/** A live store showing one table; `accepts` says whether a queued change belongs in this view. */
type Attached = { table: string; store: LiveStoreApi<LiveRow>; accepts: (change: QueuedChange) => boolean };
export type NewQueued = Pick<QueuedChange, 'id' | 'table' | 'key' | 'op' | 'payload' | 'change' | 'label'>;

export type OfflineQueue = {
  state: StoreApi<QueueState>;
  /** True while changes wait: a new change must queue behind them, or it would land before older ones. */
  hasWaiting: () => boolean;
  enqueue: (change: NewQueued) => Promise<void>;
  /** Shows queued changes in a live store (also after a reload) and settles them there when replayed. */
  attach: (attached: Attached) => () => void;
  keepMine: (change: QueuedChange) => Promise<void>;
  discard: (change: QueuedChange) => Promise<void>;
};

const Context = createContext<OfflineQueue | null>(null);
const RETRY_MS = 5_000;

function showIn(attached: Attached, change: QueuedChange): void {
  if (!change.change || change.key === undefined || change.problem || !attached.accepts(change)) return;
  const state = attached.store.getState();
  if (state.overlays[change.key]?.some((overlay) => overlay.id === change.id)) return;
  state.applyOptimistic(change.key, overlayOf(change.id, change.change) as never);
}

function createQueue(userId: string, bandId: string, replays: Replays): OfflineQueue & { start: () => () => void } {
  const state = createStore<QueueState>()(() => ({ changes: [], unreadable: [] }));
  const attached = new Set<Attached>();
  let running = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const settleEverywhere = (change: QueuedChange, result: ReplayResult) => {
    if (change.key === undefined) return;
    for (const view of attached) if (view.table === change.table) view.store.getState().settle(change.key, change.id, settlementOf<LiveRow>(result));
  };
  const replay = async (): Promise<void> => {
    if (running || !navigator.onLine) return;
    running = true;
    clearTimeout(retry);
    let again = false;
    try {
      const { unreachable } = await replayInOrder(state.getState().changes, replays, {
        answered: async (change, result, problem) => {
          if (problem) await putQueued({ ...change, problem });
          else if (change.seq !== undefined) await deleteQueued(change.seq);
          state.setState(({ changes }) => ({ changes: problem ? changes.map((c) => (c.id === change.id ? { ...change, problem } : c)) : changes.filter((c) => c.id !== change.id) }));
          settleEverywhere(change, result);
        },
      });
      if (unreachable) retry = setTimeout(() => void replay(), RETRY_MS);
      // Changes kept while this pass ran (queued behind it, or "keep mine") get their own pass.
      else again = state.getState().changes.some((change) => !change.problem);
    } finally {
      running = false;
    }
    if (again) await replay();
  };
  const enqueue = async (fresh: NewQueued) => {
    const stored = await putQueued({ ...fresh, format: QUEUE_FORMAT, userId, bandId, at: Date.now() });
    state.setState(({ changes }) => ({ changes: [...changes, stored] }));
    void replay();
  };

  return {
    state,
    hasWaiting: () => state.getState().changes.some((change) => !change.problem),
    enqueue,
    attach: (view) => {
      attached.add(view);
      for (const change of state.getState().changes) if (change.table === view.table) showIn(view, change);
      return () => void attached.delete(view);
    },
    keepMine: async (change) => {
      await discardRecord(change);
      const payload = change.problem?.row ? againstRow(change.payload, change.problem.row) : change.payload;
      const { table, key, op, change: shown, label } = change;
      await enqueue({ id: newId(), table, key, op, payload, change: shown, label });
    },
    discard: discardRecord,
    start: () => {
      void listQueued(bandId).then((records) => {
        const mine = records.flatMap((record) => (record.ok && record.change.userId === userId ? [record.change] : []));
        const unreadable = records.flatMap((record) => (record.ok ? [] : [record]));
        state.setState({ changes: mine, unreadable });
        for (const view of attached) for (const change of mine) if (change.table === view.table) showIn(view, change);
        void replay();
      });
      const online = () => void replay();
      window.addEventListener('online', online);
      return () => {
        window.removeEventListener('online', online);
        clearTimeout(retry);
      };
    },
  };

  async function discardRecord(change: QueuedChange) {
    if (change.seq !== undefined) await deleteQueued(change.seq);
    state.setState(({ changes }) => ({ changes: changes.filter((c) => c.id !== change.id) }));
  }
}

/**
 * The band's offline queue: changes made while the server cannot be reached are kept in IndexedDB, shown on
 * screen as waiting, and replayed in order through `replays` (the same server actions a save calls) as soon as
 * the browser is back online. `replays` is the app's registry of replayable actions; the kernel knows none.
 */
export function OfflineQueueProvider({ userId, bandId, replays, children }: { userId: string; bandId: string; replays: Replays; children: ReactNode }) {
  const [queue] = useState(() => createQueue(userId, bandId, replays));
  useEffect(() => queue.start(), [queue]);
  return <Context.Provider value={queue}>{children}</Context.Provider>;
}

/** The band's queue, or null outside one (then saves that cannot reach the server are refused, as before). */
export function useOfflineQueue(): OfflineQueue | null {
  return useContext(Context);
}

const EMPTY: QueueState = { changes: [], unreadable: [] };
const NO_QUEUE = createStore<QueueState>()(() => EMPTY);

export function useQueueState<T>(selector: (state: QueueState) => T): T {
  return useStore(useOfflineQueue()?.state ?? NO_QUEUE, selector);
}

/** Whether a change to this row waits in the queue (the row then says "Waiting to sync", not "Saving…"). */
export function useWaiting(table: string, key: string | undefined): boolean {
  return useQueueState((state) => state.changes.some((change) => change.table === table && change.key === key && !change.problem));
}
