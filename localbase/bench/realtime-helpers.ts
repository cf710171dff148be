/** Shared by the Realtime benchmarks: RLS-grouped subscribers on supabase-js, a paced pg writer, and waits. */
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import WebSocket from 'ws';
import { signHs256 } from '../src/shared/jwt.ts';
import type { BenchStack } from './bench-stack.ts';

/** Wall-clock ms with sub-ms precision, comparable between the writer and the subscribers (same process). */
export const now = () => performance.timeOrigin + performance.now();

export async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Subscribes and waits for the server's "subscribed to postgres_changes" system message, after which no insert is missed. */
export async function subscribeLive(channel: RealtimeChannel): Promise<void> {
  let ready = false;
  channel.on('system', {}, (payload: { status?: string }) => {
    if (payload.status === 'ok') ready = true;
  });
  await new Promise<void>((resolve, reject) => channel.subscribe((status, error) => (status === 'SUBSCRIBED' ? resolve() : reject(error ?? new Error(status)))));
  await until(() => ready, 30_000);
}

/** A table whose rows each subscriber sees only when `grp` matches the `grp` claim of its JWT. */
export async function createGroupTable(db: pg.Pool, table: string): Promise<void> {
  await db.query(`
    create table public.${table} (id bigint primary key, grp int not null, sent_at double precision not null, body text);
    alter table public.${table} enable row level security;
    create policy by_group on public.${table} for select to authenticated using (grp = (auth.jwt() ->> 'grp')::int);
    alter publication supabase_realtime add table public.${table};`);
}

export interface GroupEvent {
  id: number;
  grp: number;
  sentAt: number;
  /** The subscriber's own group, to count leaks. */
  subscriberGroup: number;
  arrivedAt: number;
}

/**
 * One supabase-js client per entry of `groups` (a distinct user each: its own `sub`), subscribed to INSERTs on
 * `table`; `parallel` subscriptions at a time. Returns the clients so the caller can close them.
 */
export async function groupSubscribers(
  stack: BenchStack,
  table: string,
  groups: number[],
  onEvent: (event: GroupEvent) => void,
  parallel = 10,
): Promise<SupabaseClient[]> {
  const clients: SupabaseClient[] = [];
  for (let first = 0; first < groups.length; first += parallel) {
    await Promise.all(
      groups.slice(first, first + parallel).map(async (grp, offset) => {
        const client = stack.client();
        clients.push(client);
        const claims = { role: 'authenticated', sub: crypto.randomUUID(), grp, exp: Math.floor(Date.now() / 1000) + 3600 };
        await client.realtime.setAuth(await signHs256(claims, stack.vars.JWT_SECRET!));
        const channel = client.channel(`bench-${table}-${first + offset}`).on('postgres_changes', { event: 'INSERT', schema: 'public', table }, (p) => {
          const row = p.new as { id: number; grp: number; sent_at: number };
          onEvent({ id: Number(row.id), grp: row.grp, sentAt: row.sent_at, subscriberGroup: grp, arrivedAt: Date.now() });
        });
        await subscribeLive(channel);
      }),
    );
  }
  return clients;
}

/**
 * Like groupSubscribers, with raw `ws` sockets speaking Phoenix vsn 2.0.0 frames instead of supabase-js: hundreds
 * of supabase-js clients cost this process (on the same cores) more CPU than the server they measure, so these
 * show what the server itself sustains. Returns a function that closes them.
 */
export async function rawGroupSubscribers(stack: BenchStack, table: string, groups: number[], onEvent: (event: GroupEvent) => void): Promise<() => Promise<void>> {
  const url = `${stack.vars.API_URL!.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${stack.vars.PUBLISHABLE_KEY}&vsn=2.0.0`;
  const config = { postgres_changes: [{ event: 'INSERT', schema: 'public', table }] };
  const sockets: WebSocket[] = [];
  let live = 0;
  for (const [index, grp] of groups.entries()) {
    const claims = { role: 'authenticated', sub: crypto.randomUUID(), grp, exp: Math.floor(Date.now() / 1000) + 3600 };
    const token = await signHs256(claims, stack.vars.JWT_SECRET!);
    const ws = new WebSocket(url);
    sockets.push(ws);
    ws.on('message', (data) => {
      const [, , , event, payload] = JSON.parse(String(data)) as [unknown, unknown, string, string, Record<string, unknown>];
      if (event === 'system' && payload.status === 'ok') live++;
      if (event !== 'postgres_changes') return;
      const row = (payload.data as { record: { id: number; grp: number; sent_at: number } }).record;
      onEvent({ id: Number(row.id), grp: row.grp, sentAt: row.sent_at, subscriberGroup: grp, arrivedAt: Date.now() });
    });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify(['1', '1', `realtime:bench-${table}-${index}`, 'phx_join', { config, access_token: token }]));
  }
  await until(() => live >= groups.length, 60_000);
  // Phoenix heartbeats keep the sockets past the server's idle timeout.
  const heartbeat = setInterval(() => sockets.forEach((ws) => ws.send(JSON.stringify([null, 'hb', 'phoenix', 'heartbeat', {}]))), 25_000);
  return async () => {
    clearInterval(heartbeat);
    await Promise.all(sockets.map((ws) => new Promise((resolve) => (ws.readyState === WebSocket.CLOSED ? resolve(undefined) : (ws.once('close', resolve), ws.close())))));
  };
}

export async function closeClients(clients: SupabaseClient[]): Promise<void> {
  await Promise.all(clients.map((c) => c.removeAllChannels()));
}

/**
 * Inserts `rate` rows a second for `seconds` with pg (so the REST write path is not what is measured), ids from
 * `firstId`, group `groupOf(i)`, stamped with the time PostgreSQL ran the insert (ms since the epoch). Returns how many were written and over how long.
 */
export async function paceWrites(db: pg.Pool, table: string, rate: number, seconds: number, firstId: number, groupOf: (i: number) => number) {
  const total = Math.round(rate * seconds);
  const start = now();
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    // Stamped by PostgreSQL as the insert runs, so a backlog in this pool (the writer falling behind, which shows as
    // a lower offered rate) is not counted as Realtime latency; arrivals use the same wall clock (Date.now()).
    const sql = `insert into public.${table} (id, grp, sent_at, body) values ($1, $2, extract(epoch from clock_timestamp()) * 1000, $3)`;
    writes.push(db.query(sql, [firstId + i, groupOf(i), `row ${i}`]));
  }
  await Promise.all(writes);
  return { written: total, seconds: (now() - start) / 1000 };
}
