/** One point of a Realtime load curve: paced writes, every subscriber's events counted and timed, resources used. */
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { latencyOf, withBenchStack, type BenchStack, type Latency } from './bench-stack.ts';
import { measureResources, type ResourceUse } from './proc-stats.ts';
import { closeClients, createGroupTable, groupSubscribers, paceWrites, rawGroupSubscribers, until, type GroupEvent } from './realtime-helpers.ts';

export interface LoadPoint {
  subscribers: number;
  /** Subscribers that may see each write (RLS), so events/s = writes/s × this. */
  subscribersPerWrite: number;
  targetWritesPerSecond: number;
  targetEventsPerSecond: number;
  /** Measured: rows written / time the writer took, × subscribersPerWrite. */
  offeredEventsPerSecond: number;
  expected: number;
  delivered: number;
  /** Events delivered to a subscriber whose RLS group should not see the row: must be 0. */
  leaks: number;
  latency: Latency;
  resources: ResourceUse;
}

/** Routes subscriber events to the point being measured; events of earlier points (by id range) are ignored. */
export class LoadRecorder {
  private range: [number, number] = [0, 0];
  private delays: number[] = [];
  delivered = 0;
  leaks = 0;

  readonly onEvent = (event: GroupEvent): void => {
    if (event.id < this.range[0] || event.id >= this.range[1]) return;
    this.delivered++;
    if (event.grp !== event.subscriberGroup) this.leaks++;
    this.delays.push(event.arrivedAt - event.sentAt);
  };

  reset(firstId: number, count: number): void {
    this.range = [firstId, firstId + count];
    this.delays = [];
    this.delivered = 0;
    this.leaks = 0;
  }

  latency(): Latency {
    return latencyOf(this.delays);
  }
}

export interface LoadPointOptions {
  stack: BenchStack;
  db: pg.Pool;
  table: string;
  recorder: LoadRecorder;
  subscribers: number;
  subscribersPerWrite: number;
  writesPerSecond: number;
  seconds: number;
  firstId: number;
  groupOf: (i: number) => number;
  /** How long to wait after the last write for the remaining events. */
  drainMs: number;
}

export async function measureLoadPoint(o: LoadPointOptions): Promise<LoadPoint> {
  const total = Math.round(o.writesPerSecond * o.seconds);
  const expected = total * o.subscribersPerWrite;
  o.recorder.reset(o.firstId, total);
  const resources = measureResources(o.stack.daemonPid, o.stack.postmasterPid);
  const written = await paceWrites(o.db, o.table, o.writesPerSecond, o.seconds, o.firstId, o.groupOf);
  await until(() => o.recorder.delivered >= expected, o.drainMs).catch(() => undefined); // a shortfall is a figure, not an error
  return {
    subscribers: o.subscribers,
    subscribersPerWrite: o.subscribersPerWrite,
    targetWritesPerSecond: o.writesPerSecond,
    targetEventsPerSecond: o.writesPerSecond * o.subscribersPerWrite,
    offeredEventsPerSecond: (written.written / written.seconds) * o.subscribersPerWrite,
    expected,
    delivered: o.recorder.delivered,
    leaks: o.recorder.leaks,
    latency: o.recorder.latency(),
    resources: resources.stop(),
  };
}

/** What a load benchmark gets once its subscribers are live: the stack and a way to measure one point. */
export interface GroupLoad {
  stack: BenchStack;
  measure(o: Omit<LoadPointOptions, 'stack' | 'db' | 'table' | 'recorder' | 'subscribers'>): Promise<LoadPoint>;
}

/**
 * A fresh stack with an RLS-grouped table and one live subscriber per entry of `groups` (its RLS group), `parallel`
 * subscribing at a time; `body` measures load points; everything is closed afterwards.
 */
export function withGroupLoad<T>(table: string, groups: number[], parallel: number, body: (load: GroupLoad) => Promise<T>, raw = false): Promise<T> {
  return withBenchStack(async (stack) => {
    const db = new pg.Pool({ connectionString: stack.vars.DB_URL, max: 4 });
    const recorder = new LoadRecorder();
    let clients: SupabaseClient[] = [];
    let closeRaw = async () => undefined as void;
    try {
      await createGroupTable(db, table);
      if (raw) closeRaw = await rawGroupSubscribers(stack, table, groups, recorder.onEvent);
      else clients = await groupSubscribers(stack, table, groups, recorder.onEvent, parallel);
      return await body({ stack, measure: (o) => measureLoadPoint({ ...o, stack, db, table, recorder, subscribers: groups.length }) });
    } finally {
      await closeClients(clients);
      await closeRaw();
      await db.end();
    }
  });
}

export const describeLoadPoint = (p: LoadPoint) =>
  `${p.subscribers} subscribers, ${p.targetWritesPerSecond} writes/s × ${p.subscribersPerWrite} subscribers per write = ` +
  `${p.targetEventsPerSecond} events/s (offered ${p.offeredEventsPerSecond.toFixed(0)}): delivered ${p.delivered} of ${p.expected}, ${p.leaks} leaks; ` +
  `p50 ${p.latency.p50.toFixed(1)} ms  p95 ${p.latency.p95.toFixed(1)} ms  p99 ${p.latency.p99.toFixed(1)} ms`;
