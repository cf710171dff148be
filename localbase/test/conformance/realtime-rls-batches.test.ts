import type { RealtimePostgresChangesPayload, SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applySql } from './target.ts';
import { mintToken, realtimeClient, subscribed, systemEvents, uniqueName, waitFor, withDb } from './realtime-support.ts';

const target = inject('target');
const pairs = uniqueName('rt_pairs');
type Row = Record<string, unknown>;
type Change = RealtimePostgresChangesPayload<Row>;
const clients: SupabaseClient[] = [];

// A composite primary key with a text part, and a policy that raises for one claims group (grp 99): the bursts
// below reach the RLS check as multi-row batches, so these are the cases a batched check could get wrong.
beforeAll(async () => {
  await applySql(
    target,
    `create table public.${pairs} (a int not null, b text not null, grp int not null, seq int not null, primary key (a, b));
     alter table public.${pairs} enable row level security;
     create function public.${pairs}_may_read(row_grp int) returns boolean language plpgsql stable as $$
     begin
       if auth.jwt() ->> 'grp' = '99' then raise exception 'policy failure for group 99'; end if;
       return row_grp = (auth.jwt() ->> 'grp')::int;
     end $$;
     create policy by_group on public.${pairs} for select to authenticated using (public.${pairs}_may_read(grp));
     grant select on public.${pairs} to authenticated;
     alter publication supabase_realtime add table public.${pairs};`,
  );
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.removeAllChannels()));
});

async function watchAs(grp: number, events: Change[]): Promise<void> {
  const c = realtimeClient(target, target.publishableKey, '2.0.0');
  clients.push(c);
  await c.realtime.setAuth(await mintToken(target, { role: 'authenticated', sub: crypto.randomUUID(), grp }));
  const channel = c.channel(uniqueName('pairs')).on('postgres_changes', { event: '*', schema: 'public', table: pairs }, (p) => events.push(p));
  const system = systemEvents(channel);
  expect((await subscribed(channel)).status).toBe('SUBSCRIBED');
  await waitFor(() => system.length > 0, 15_000, 'system event');
  expect(system[0]).toMatchObject({ status: 'ok' });
}

describe('postgres_changes RLS under bursts', () => {
  it('keeps WAL order, composite keys and per-group isolation; a failing policy hides rows from its group only', async () => {
    const [one, two, failing] = [[] as Change[], [] as Change[], [] as Change[]];
    await watchAs(1, one);
    await watchAs(2, two);
    await watchAs(99, failing);
    const n = 300;
    await withDb(target, async (db) => {
      // One transaction of n rows, then n single-row transactions committed back to back.
      await db.query(`insert into public.${pairs} select g, 'k ' || g, g % 2 + 1, g from generate_series(1, ${n}) g`);
      await db.query(`do $$ begin for i in 1..${n} loop update public.${pairs} set seq = ${n} + i where a = i; commit; end loop; end $$`);
    });
    const seqs = (events: Change[]) => events.map((e) => Number((e.new as Row).seq));
    await waitFor(() => one.length >= n && two.length >= n, 60_000, `all events (one ${one.length}, two ${two.length})`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const [events, grp] of [[one, 1], [two, 2]] as const) {
      const mine = Array.from({ length: n }, (_, i) => i + 1).filter((g) => (g % 2) + 1 === grp);
      expect(events.map((e) => e.eventType)).toEqual([...mine.map(() => 'INSERT'), ...mine.map(() => 'UPDATE')]);
      // Each event carries the row as the WAL had it, in commit order.
      expect(seqs(events)).toEqual([...mine, ...mine.map((g) => n + g)]);
      expect(events.every((e) => (e.new as Row).grp === grp && (e.new as Row).b === `k ${String((e.new as Row).a)}`)).toBe(true);
    }
    expect(failing).toEqual([]);
  }, 90_000);

  // One claims group per user, more than one probe connection takes (the check splits them across connections):
  // each user still gets exactly the rows of their group, in order.
  it('checks many distinct users at once without mixing up their groups', async () => {
    const users = 80;
    const received: number[][] = Array.from({ length: users }, () => []);
    const sockets: WebSocket[] = [];
    const ready = new Set<number>();
    const url = `${target.url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${target.publishableKey}&vsn=2.0.0`;
    for (let user = 0; user < users; user++) {
      const ws = new WebSocket(url);
      sockets.push(ws);
      ws.on('message', (data) => {
        const [, , , event, payload] = JSON.parse(String(data)) as [unknown, unknown, string, string, Record<string, unknown>];
        if (event === 'system' && payload.status === 'ok') ready.add(user);
        if (event === 'postgres_changes') received[user]!.push(Number((payload.data as { record: Row }).record.seq));
      });
      await new Promise((resolve) => ws.once('open', resolve));
      const token = await mintToken(target, { role: 'authenticated', sub: crypto.randomUUID(), grp: (user % 2) + 1 });
      const config = { postgres_changes: [{ event: 'INSERT', schema: 'public', table: pairs }] };
      ws.send(JSON.stringify(['1', '1', `realtime:${uniqueName('many')}`, 'phx_join', { config, access_token: token }]));
    }
    await waitFor(() => ready.size === users, 30_000, 'every user subscribed');
    const n = 40;
    await withDb(target, (db) => db.query(`insert into public.${pairs} select g, 'many ' || g, g % 2 + 1, g from generate_series(300001, ${300000 + n}) g`));
    await waitFor(() => received.every((seqs) => seqs.length >= n / 2), 60_000, 'every user');
    await new Promise((resolve) => setTimeout(resolve, 300));
    received.forEach((seqs, user) => {
      expect(seqs).toEqual(Array.from({ length: n }, (_, i) => 300001 + i).filter((seq) => (seq % 2) + 1 === (user % 2) + 1));
    });
    sockets.forEach((ws) => ws.close());
  }, 90_000);

  // localbase's own probe, so only against localbase. An open transaction stands in for the walsender race: its
  // commit is decoded, but the proc array does not show it yet. Such a row must be retried, never dropped as gone.
  it.runIf(target.isLocalbase)('the batch probe tells a not-yet-visible transaction from a row that is gone', async () => {
    await withDb(target, async (writer) => {
      await withDb(target, async (probe) => {
        await writer.query('begin');
        await writer.query(`insert into public.${pairs} (a, b, grp, seq) values (100000, 'pending', 1, 0)`);
        const { rows: xidRows } = await writer.query<{ xid: string }>("select (pg_current_xact_id()::text::bigint & 4294967295)::text as xid");
        const xid = Number(xidRows[0]!.xid);
        const call = async () => {
          const keys = JSON.stringify([{ a: '100000', b: 'pending' }, { a: '100001', b: 'gone' }]);
          const { rows } = await probe.query<{ grp: number; ord: number }>(
            'select grp, ord from realtime.localbase_visible_keys($1::regclass, $2, $3, $4) order by grp, ord',
            [`public.${pairs}`, keys, '[]', [xid, xid - 1]],
          );
          return rows.map((row) => [row.grp, row.ord]);
        };
        // In flight: key 1 waits (-1); key 2's transaction is long visible and its row absent, so it is gone.
        expect(await call()).toEqual([[-1, 1]]);
        await writer.query('commit');
        expect(await call()).toEqual([[0, 1]]);
      });
    });
  });

  // The probe sets the role only when it changes between groups (sorted by role); a failing group's rollback undoes
  // that, so the next group of the same role must set it again instead of running as the role before the failure.
  it.runIf(target.isLocalbase)('after a failing claims group, the next group of the same role still runs as that role', async () => {
    await applySql(target, `grant select on public.${pairs} to anon;`);
    await withDb(target, async (db) => {
      await db.query('begin');
      await db.query(`insert into public.${pairs} (a, b, grp, seq) values (200000, 'role reset', 1, 0)`);
      const { rows: xidRows } = await db.query<{ xid: string }>("select (pg_current_xact_id()::text::bigint & 4294967295)::text as xid");
      await db.query('commit');
      const claims = [{ role: 'anon' }, { role: 'authenticated', grp: 99 }, { role: 'authenticated', grp: 1 }];
      const { rows } = await db.query<{ grp: number; ord: number }>(
        'select grp, ord from realtime.localbase_visible_keys($1::regclass, $2, $3, $4) order by grp, ord',
        [`public.${pairs}`, JSON.stringify([{ a: '200000', b: 'role reset' }]), JSON.stringify(claims), [Number(xidRows[0]!.xid)]],
      );
      // Superuser (0) and the grp-1 member (3) see it; anon (1) has no policy, the raising group (2) sees nothing.
      expect(rows.map((row) => [row.grp, row.ord])).toEqual([[0, 1], [3, 1]]);
    });
  });
});
