/**
 * Both Realtime load shapes at 10,000 events/s with raw `ws` subscribers (realtime-helpers.ts
 * `rawGroupSubscribers`), so the figures are the server's and not those of 500 supabase-js clients sharing its
 * cores: `npx tsx bench/raw-sockets-bench.ts [seconds]`. Prints figures; asserts nothing.
 *   1. 100 sockets in 10 RLS groups, 1,000 writes/s (each seen by 10): 10,000 events/s;
 *   2. 500 sockets of distinct users, 400 in one band, 25 writes/s to that band (each seen by 400): 10,000 events/s.
 * Each shape first runs the same load for WARM_UP_SECONDS, not counted: a fresh stack's first seconds (JIT, plan and
 * catalog caches) are not its steady state, and the supabase-js fan-out points also follow earlier points.
 */
import { isMain, numberArg } from './bench-stack.ts';
import { describeLoadPoint, withGroupLoad, type LoadPoint } from './load-point.ts';
import { describeResources } from './proc-stats.ts';

export interface RawSocketsResult {
  groups: { sockets: number; groups: number; point: LoadPoint };
  band: { sockets: number; bandMembers: number; point: LoadPoint };
}

const WARM_UP_SECONDS = 3;

export async function benchRawSockets({ seconds = 15 } = {}): Promise<RawSocketsResult> {
  const grouped = Array.from({ length: 100 }, (_, s) => s % 10);
  const groupsPoint = await withGroupLoad(
    'bench_raw_group_items',
    grouped,
    0,
    async ({ measure }) => {
      const load = { subscribersPerWrite: 10, writesPerSecond: 1000, groupOf: (i: number) => i % 10, drainMs: 20_000 };
      await measure({ ...load, seconds: WARM_UP_SECONDS, firstId: 0 });
      return measure({ ...load, seconds, firstId: 1000 * WARM_UP_SECONDS });
    },
    true,
  );
  const band = Array.from({ length: 500 }, (_, s) => (s < 400 ? 0 : 1 + (s % 5)));
  const bandPoint = await withGroupLoad(
    'bench_raw_band_items',
    band,
    0,
    async ({ measure }) => {
      const load = { subscribersPerWrite: 400, writesPerSecond: 25, groupOf: () => 0, drainMs: 20_000 };
      await measure({ ...load, seconds: WARM_UP_SECONDS, firstId: 0 });
      return measure({ ...load, seconds, firstId: 25 * WARM_UP_SECONDS });
    },
    true,
  );
  return { groups: { sockets: 100, groups: 10, point: groupsPoint }, band: { sockets: 500, bandMembers: 400, point: bandPoint } };
}

if (isMain(import.meta.url)) {
  const result = await benchRawSockets({ seconds: numberArg(0, 15) });
  for (const point of [result.groups.point, result.band.point]) console.log(`${describeLoadPoint(point)}\n  ${describeResources(point.resources)}`);
}
