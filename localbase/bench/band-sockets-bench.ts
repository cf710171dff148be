/**
 * The 500-socket load with the unmodified supabase-js client: `npx tsx bench/band-sockets-bench.ts [seconds]`.
 * 500 sockets, each a distinct user (its own JWT `sub`); 400 of them are members of one band (RLS group 0), the
 * other 100 are spread over 5 other bands. 20 writes/s go to the big band with pg, so each write reaches 400
 * subscribers: 8,000 events/s. Prints delivered vs expected, latency, daemon CPU and RSS; asserts nothing.
 * realtime-sockets-bench.ts measures the same shape with raw `ws` clients, which cost the bench process less.
 */
import { isMain, numberArg } from './bench-stack.ts';
import { describeLoadPoint, withGroupLoad, type LoadPoint } from './load-point.ts';
import { describeResources, rssMb } from './proc-stats.ts';

export interface BandSocketsResult {
  sockets: number;
  bandMembers: number;
  /** Daemon RSS with every socket subscribed and idle, before the writes. */
  idleRssMb?: number;
  point: LoadPoint;
}

export function benchBandSockets({ sockets = 500, bandMembers = 400, writesPerSecond = 20, seconds = 20 } = {}): Promise<BandSocketsResult> {
  const groups = Array.from({ length: sockets }, (_, s) => (s < bandMembers ? 0 : 1 + (s % 5)));
  return withGroupLoad('bench_band_items', groups, 25, async ({ stack, measure }) => {
    const idleRssMb = rssMb(stack.daemonPid);
    const point = await measure({ subscribersPerWrite: bandMembers, writesPerSecond, seconds, firstId: 0, groupOf: () => 0, drainMs: 20_000 });
    return { sockets, bandMembers, idleRssMb, point };
  });
}

if (isMain(import.meta.url)) {
  const result = await benchBandSockets({ seconds: numberArg(0, 20) });
  console.log(`${describeLoadPoint(result.point)}\n  ${describeResources(result.point.resources)}; idle RSS ${result.idleRssMb?.toFixed(0) ?? '?'} MB`);
}
