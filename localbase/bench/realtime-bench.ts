/**
 * Realtime latency and fan-out with the unmodified supabase-js client: `npx tsx bench/realtime-bench.ts`.
 * Starts its own throwaway stack, prints figures, asserts nothing. BENCH_RATE overrides the fan-out write rate.
 *   1. insert → postgres_changes event at one subscriber, p50/p95/p99 over 1,000 sequential inserts;
 *   2. 100 subscribers in 10 RLS groups, 200 writes/s for 20 s (written with pg, so only Realtime is measured):
 *      delivered vs expected, p95, CPU of the stack process and of PostgreSQL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { signHs256 } from '../src/shared/jwt.ts';
import pg from 'pg';
import { fmt, percentile, startBenchStack } from './bench-stack.ts';

const LATENCY_EVENTS = 1000;
const SUBSCRIBERS = 100;
const GROUPS = 10;
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = 20;

const now = () => performance.timeOrigin + performance.now();

/** utime + stime of a process in ms, from /proc (Linux); undefined elsewhere. */
function cpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/** The postmaster and its children (backends, walsender, background workers), from /proc. */
function postgresPids(postmaster: number): number[] {
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === postmaster;
      } catch {
        return false; // gone between readdir and read
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** CPU ms of each process, so a backend that exits mid-run only loses its own share, not the total. */
const cpuSnapshot = (pids: number[]) => new Map(pids.map((pid) => [pid, cpuMs(pid)]));
function cpuSpent(before: Map<number, number | undefined>): number {
  let total = 0;
  for (const [pid, start] of before) {
    const end = cpuMs(pid);
    if (start !== undefined && end !== undefined) total += end - start;
  }
  return total;
}

async function main(): Promise<void> {
  const { project, vars, client } = await startBenchStack();
  const clients: SupabaseClient[] = [];
  try {
    const stackPid = Number(readFileSync(join(project.root, '.localbase', 'localbase.pid'), 'utf8').trim());
    const make = () => {
      const c = client();
      clients.push(c);
      return c;
    };
    const db = new pg.Pool({ connectionString: vars.DB_URL, max: 4 });
    await db.query(`
      create table public.bench_items (id bigint primary key, sent_at double precision not null, body text);
      create table public.bench_group_items (id bigint primary key, grp int not null, sent_at double precision not null, body text);
      alter table public.bench_group_items enable row level security;
      create policy by_group on public.bench_group_items for select to authenticated using (grp = (auth.jwt() ->> 'grp')::int);
      alter publication supabase_realtime add table public.bench_items, public.bench_group_items;
      notify pgrst, 'reload schema';`);

    // Writer: REST (supabase-js, service key) when it accepts inserts, else the superuser pg pool.
    const service = make();
    const svc = client(vars.SECRET_KEY!);
    clients.push(svc);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const probe = await svc.from('bench_items').insert({ id: -1, sent_at: 0, body: 'probe' });
    const viaRest = !probe.error;
    const insert = async (table: string, row: Record<string, unknown>) => {
      if (viaRest) {
        const { error } = await svc.from(table).insert(row);
        if (error) throw error;
      } else {
        const columns = Object.keys(row);
        await db.query(`insert into public.${table} (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
      }
    };
    console.log(`writes via ${viaRest ? 'REST (supabase-js .insert() with the secret key)' : `pg (superuser pool; REST answered: ${probe.error?.message})`}`);

    // 1. Latency with one subscriber.
    const arrivals = new Map<number, number>();
    const channel = service.channel('bench-latency').on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'bench_items' }, (p) => {
      arrivals.set(Number((p.new as { id: number }).id), now());
    });
    await subscribeLive(channel);
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_EVENTS + 20; i++) {
      const sent = now();
      await insert('bench_items', { id: i, sent_at: sent, body: `row ${i}` });
      await until(() => arrivals.has(i), 10_000);
      if (i >= 20) latencies.push(arrivals.get(i)! - sent); // the first 20 warm caches
    }
    latencies.sort((a, b) => a - b);
    console.log(`insert → event, 1 subscriber, ${LATENCY_EVENTS} events: p50 ${fmt(percentile(latencies, 50))}  p95 ${fmt(percentile(latencies, 95))}  p99 ${fmt(percentile(latencies, 99))}  max ${fmt(latencies.at(-1)!)}`);

    // 2. Fan-out under RLS.
    const delays: number[] = [];
    let delivered = 0;
    let leaks = 0;
    for (let s = 0; s < SUBSCRIBERS; s++) {
      const grp = s % GROUPS;
      const c = make();
      const token = await signHs256({ role: 'authenticated', sub: crypto.randomUUID(), grp, exp: Math.floor(Date.now() / 1000) + 3600 }, vars.JWT_SECRET!);
      await c.realtime.setAuth(token);
      const ch = c.channel(`bench-fanout-${s}`).on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'bench_group_items' }, (p) => {
        const row = p.new as { grp: number; sent_at: number };
        delivered++;
        if (row.grp !== grp) leaks++;
        delays.push(now() - row.sent_at);
      });
      await subscribeLive(ch);
    }
    const total = RATE * SECONDS;
    const cpuBefore = cpuMs(stackPid);
    const postmaster = Number(readFileSync(join(project.root, '.localbase', 'db', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const postgresBefore = cpuSnapshot(postgresPids(postmaster));
    const benchCpuBefore = process.cpuUsage();
    const start = now();
    const writes: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / RATE;
      const wait = due - now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      // pg, not REST: this part measures Realtime's fan-out, not the REST write path (part 1 covers that).
      writes.push(db.query('insert into public.bench_group_items (id, grp, sent_at, body) values ($1, $2, $3, $4)', [i, i % GROUPS, now(), `g${i % GROUPS}`]).then(() => undefined));
    }
    await Promise.all(writes);
    const writeSeconds = (now() - start) / 1000;
    const expected = total * (SUBSCRIBERS / GROUPS);
    await until(() => delivered >= expected, 30_000).catch(() => undefined);
    const elapsed = (now() - start) / 1000;
    const cpuAfter = cpuMs(stackPid);
    const postgresCpu = cpuSpent(postgresBefore);
    const benchCpu = process.cpuUsage(benchCpuBefore);
    delays.sort((a, b) => a - b);
    console.log(
      `fan-out ${SUBSCRIBERS} subscribers / ${GROUPS} RLS groups, ${total} writes via pg in ${writeSeconds.toFixed(1)} s (target ${RATE}/s): ` +
        `delivered ${delivered} of ${expected} expected, ${leaks} leaks; latency p50 ${fmt(percentile(delays, 50))}  p95 ${fmt(percentile(delays, 95))}  p99 ${fmt(percentile(delays, 99))}`,
    );
    if (cpuBefore !== undefined && cpuAfter !== undefined) {
      console.log(`CPU of the stack process (pid ${stackPid}, Node: gateway + realtime): ${(((cpuAfter - cpuBefore) / (elapsed * 1000)) * 100).toFixed(0)}% of one core over ${elapsed.toFixed(1)} s`);
    }
    console.log(`CPU of PostgreSQL (postmaster ${postmaster} and its ${postgresBefore.size - 1} children at the start): ${((postgresCpu / (elapsed * 1000)) * 100).toFixed(0)}% of one core`);
    console.log(`CPU of this bench process (100 supabase-js clients + writer): ${(((benchCpu.user + benchCpu.system) / 1000 / (elapsed * 1000)) * 100).toFixed(0)}% of one core`);
    await db.end();
  } finally {
    await Promise.all(clients.map((c) => c.removeAllChannels()));
    await project.dispose();
  }
}

async function subscribeLive(channel: ReturnType<SupabaseClient['channel']>): Promise<void> {
  let ready = false;
  channel.on('system', {}, (payload: { status?: string }) => {
    if (payload.status === 'ok') ready = true;
  });
  await new Promise<void>((resolve, reject) => channel.subscribe((status, error) => (status === 'SUBSCRIBED' ? resolve() : reject(error ?? new Error(status)))));
  await until(() => ready, 15_000);
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

await main();
