/**
 * Realtime fan-out to many distinct users: `npx tsx bench/realtime-sockets-bench.ts`. Starts its own throwaway stack,
 * prints figures, asserts nothing. BENCH_SOCKETS (500), BENCH_BAND (400 of them in the written band), BENCH_RATE
 * (20 writes/s) and BENCH_SECONDS (20) override the shape.
 * Every socket is a different user, so every one is its own RLS claims group: the policy checks band membership
 * through a members table, as a band app does. The clients are raw `ws` sockets speaking Phoenix vsn 2.0.0 frames,
 * not supabase-js: 500 supabase-js clients would cost this process more CPU than the server it measures.
 * Latency is reported twice: from the writer's clock before the insert, and from the commit timestamp in the event
 * (what Realtime itself adds, without the writer's queueing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { signHs256 } from '../src/shared/jwt.ts';
import { waitFor } from '../test/conformance/realtime-support.ts';
import { fmt, percentile, startBenchStack } from './bench-stack.ts';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 500);
const IN_BAND = Number(process.env.BENCH_BAND ?? 400);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const BAND = 1;

const now = () => performance.timeOrigin + performance.now();

/** utime + stime (ms) and resident set (MB) of a process, from /proc/<pid>/stat and status (Linux). */
function usage(pid: number): { cpuMs: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const [utime, stime] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 13).map(Number) as [number, number];
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { cpuMs: (utime + stime) * 10, rssMb: Number(rss) / 1024 };
}

interface Subscriber {
  ws: WebSocket;
  band: number;
  ready: boolean;
}

async function main(): Promise<void> {
  const { project, vars } = await startBenchStack();
  const sockets: Subscriber[] = [];
  try {
    const stackPid = Number(readFileSync(join(project.root, '.localbase', 'localbase.pid'), 'utf8').trim());
    const db = new pg.Pool({ connectionString: vars.DB_URL, max: 4 });
    await db.query(`
      create table public.bench_members (user_id uuid not null, band int not null, primary key (user_id, band));
      create table public.bench_band_items (id bigint primary key, band int not null, sent_at double precision not null, body text);
      alter table public.bench_band_items enable row level security;
      create policy members_read on public.bench_band_items for select to authenticated
        using (exists (select 1 from public.bench_members m where m.user_id = auth.uid() and m.band = bench_band_items.band));
      grant select on public.bench_members to authenticated;
      alter publication supabase_realtime add table public.bench_band_items;`);

    const delays: number[] = [];
    const commitDelays: number[] = [];
    let delivered = 0;
    let leaks = 0;
    const url = `${vars.API_URL!.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${vars.PUBLISHABLE_KEY}&vsn=2.0.0`;
    for (let s = 0; s < SOCKETS; s++) {
      const user = crypto.randomUUID();
      const band = s < IN_BAND ? BAND : 2 + (s % 10);
      await db.query('insert into public.bench_members values ($1, $2)', [user, band]);
      const token = await signHs256({ role: 'authenticated', sub: user, aud: 'authenticated', exp: Math.floor(Date.now() / 1000) + 3600 }, vars.JWT_SECRET!);
      const subscriber: Subscriber = { ws: new WebSocket(url), band, ready: false };
      sockets.push(subscriber);
      subscriber.ws.on('message', (data) => {
        const [, , , event, payload] = JSON.parse(String(data)) as [unknown, unknown, string, string, Record<string, unknown>];
        if (event === 'system' && payload.status === 'ok') subscriber.ready = true;
        if (event !== 'postgres_changes') return;
        const change = payload.data as { record: { band: number; sent_at: number }; commit_timestamp: string };
        const arrived = now();
        delivered++;
        if (change.record.band !== subscriber.band) leaks++;
        delays.push(arrived - change.record.sent_at);
        commitDelays.push(arrived - Date.parse(change.commit_timestamp));
      });
      await new Promise((resolve, reject) => subscriber.ws.once('open', resolve).once('error', reject));
      const config = { postgres_changes: [{ event: 'INSERT', schema: 'public', table: 'bench_band_items' }] };
      subscriber.ws.send(JSON.stringify(['1', '1', `realtime:band-${band}`, 'phx_join', { config, access_token: token }]));
    }
    await waitFor(() => sockets.every((s) => s.ready), 60_000, 'every socket subscribed');
    // Phoenix heartbeats keep the sockets past the server's idle timeout on long runs.
    const heartbeat = setInterval(() => sockets.forEach((s) => s.ws.send(JSON.stringify([null, 'hb', 'phoenix', 'heartbeat', {}]))), 25_000);

    const total = RATE * SECONDS;
    const before = usage(stackPid);
    let peakRss = before.rssMb;
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, usage(stackPid).rssMb)), 250);
    const start = now();
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < total; i++) {
      const wait = start + (i * 1000) / RATE - now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      writes.push(db.query('insert into public.bench_band_items values ($1, $2, $3, $4)', [i, BAND, now(), `row ${i}`]));
    }
    await Promise.all(writes);
    const expected = total * IN_BAND;
    await waitFor(() => delivered >= expected, 60_000).catch(() => undefined);
    const elapsed = (now() - start) / 1000;
    const after = usage(stackPid);
    clearInterval(rssTimer);
    clearInterval(heartbeat);
    delays.sort((a, b) => a - b);
    commitDelays.sort((a, b) => a - b);
    console.log(
      `fan-out ${SOCKETS} sockets of distinct users, ${IN_BAND} in the written band, ${total} writes at ${RATE}/s (${RATE * IN_BAND} events/s): ` +
        `delivered ${delivered} of ${expected} expected, ${leaks} leaks; latency p50 ${fmt(percentile(delays, 50))}  p95 ${fmt(percentile(delays, 95))}  p99 ${fmt(percentile(delays, 99))}`,
    );
    console.log(`commit → event: p50 ${fmt(percentile(commitDelays, 50))}  p95 ${fmt(percentile(commitDelays, 95))}  (commit_timestamp has millisecond resolution)`);
    const cpu = after.cpuMs - before.cpuMs;
    console.log(
      `CPU of the stack process (pid ${stackPid}): ${cpu.toFixed(0)} ms over ${elapsed.toFixed(1)} s, ${((cpu / Math.max(delivered, 1)) * 1000).toFixed(1)} ms per 1,000 events; peak RSS ${peakRss.toFixed(0)} MB`,
    );
    await db.end();
  } finally {
    for (const s of sockets) s.ws.close();
    await project.dispose();
  }
}

await main();
