import type { RealtimeChannel, RealtimePostgresChangesPayload, SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applySql } from './target.ts';
import { realtimeClient, subscribed, systemEvents, uniqueName, VSNS, waitFor, withDb } from './realtime-support.ts';

const target = inject('target');
const todos = uniqueName('rt_todos');
const plain = uniqueName('rt_plain');
const hidden = uniqueName('rt_hidden');

type Row = Record<string, unknown>;
type Change = RealtimePostgresChangesPayload<Row>;

beforeAll(async () => {
  await applySql(
    target,
    `create table public.${todos} (id bigint generated always as identity primary key, title text, done boolean default false,
       group_id int, meta jsonb, tags int[], due timestamptz);
     alter table public.${todos} replica identity full;
     create table public.${plain} (id int primary key, v text, n int);
     create table public.${hidden} (id int primary key, v text);
     alter publication supabase_realtime add table public.${todos}, public.${plain};`,
  );
});

const clients: SupabaseClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.removeAllChannels()));
});

const sql = (text: string, values: unknown[] = []) => withDb(target, (db) => db.query(text, values));

/** Subscribes and waits for the system event that says the change feed is live. */
async function live(channel: RealtimeChannel): Promise<Record<string, unknown>[]> {
  const system = systemEvents(channel);
  expect((await subscribed(channel)).status).toBe('SUBSCRIBED');
  await waitFor(() => system.length > 0, 15_000, 'system event');
  return system;
}

describe('join reply', () => {
  it('echoes every binding in order with an integer id, then reports the feed ready', async () => {
    const ws = new WebSocket(`${target.url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${target.publishableKey}&vsn=2.0.0`);
    const frames: unknown[][] = [];
    ws.on('message', (data) => frames.push(JSON.parse(String(data)) as unknown[]));
    await new Promise((resolve) => ws.on('open', resolve));
    const bindings = [
      { event: 'INSERT', schema: 'public', table: todos },
      { event: 'DELETE', schema: 'public', table: todos, filter: 'id=eq.7', extra: 'ignored but echoed' },
    ];
    ws.send(JSON.stringify(['1', '1', 'realtime:join-ids', 'phx_join', { config: { postgres_changes: bindings, unknown_key: true } }]));
    await waitFor(() => frames.length >= 2, 15_000);
    ws.close();
    const [reply, system] = frames;
    const response = (reply![4] as { response: { postgres_changes: Row[] } }).response.postgres_changes;
    expect(response.map((entry) => Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'id')))).toEqual(bindings);
    for (const entry of response) expect(Number.isInteger(entry.id)).toBe(true);
    expect(system).toEqual(['1', null, 'realtime:join-ids', 'system', { extension: 'postgres_changes', status: 'ok', message: 'Subscribed to PostgreSQL', channel: 'join-ids' }]);
  });
});

describe.each(VSNS)('postgres_changes over vsn %s', (vsn) => {
  const make = () => {
    const c = realtimeClient(target, target.publishableKey, vsn);
    clients.push(c);
    return c;
  };

  it('delivers INSERT, UPDATE and DELETE with the upstream payload shape', async () => {
    const events: Change[] = [];
    const channel = make().channel(uniqueName('all')).on('postgres_changes', { event: '*', schema: 'public', table: todos }, (p) => events.push(p));
    expect((await live(channel))[0]).toMatchObject({ status: 'ok', message: 'Subscribed to PostgreSQL' });
    const { rows } = await sql(`insert into public.${todos} (title, group_id, meta, tags, due) values ('a', 1, '{"k":[1]}', '{1,2}', '2026-01-02 03:04:05+00') returning id`);
    const id = Number(rows[0].id);
    await sql(`update public.${todos} set done = true where id = $1`, [id]);
    await sql(`delete from public.${todos} where id = $1`, [id]);
    await waitFor(() => events.filter((e) => (e.new as Row).id === id || (e.old as Row).id === id).length === 3);
    const mine = events.filter((e) => (e.new as Row).id === id || (e.old as Row).id === id);
    expect(mine.map((e) => e.eventType)).toEqual(['INSERT', 'UPDATE', 'DELETE']);
    const [insert, update, remove] = mine as [Change, Change, Change];
    expect(insert).toMatchObject({ schema: 'public', table: todos, errors: null, old: {} });
    expect(insert.new).toEqual({ id, title: 'a', done: false, group_id: 1, meta: { k: [1] }, tags: [1, 2], due: '2026-01-02T03:04:05+00:00' });
    expect(insert.commit_timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(update.new).toMatchObject({ id, done: true });
    expect(update.old).toMatchObject({ id, done: false, title: 'a' }); // REPLICA IDENTITY FULL
    expect(remove.new).toEqual({});
    expect(remove.old).toMatchObject({ id, done: true, title: 'a' }); // no RLS on this table: the full old row
  });

  it('applies eq, neq, lt, lte, gt, gte and in filters', async () => {
    const got = new Map<string, number[]>();
    const filters = ['n=eq.5', 'n=neq.5', 'n=lt.5', 'n=lte.5', 'n=gt.5', 'n=gte.5', 'v=in.(x,"y,z")'];
    const channel = make().channel(uniqueName('filters'));
    for (const filter of filters) {
      got.set(filter, []);
      channel.on('postgres_changes', { event: 'INSERT', schema: 'public', table: plain, filter }, (p) => got.get(filter)!.push((p.new as Row).n as number));
    }
    await live(channel);
    const base = Math.floor(Math.random() * 1e6) * 10;
    const values: [number, string][] = [[4, 'x'], [5, 'y,z'], [6, 'w']];
    for (const [n, v] of values) await sql(`insert into public.${plain} (id, v, n) values ($1, $2, $3)`, [base + n, v, n]);
    await waitFor(() => got.get('n=gte.5')!.length === 2 && got.get('v=in.(x,"y,z")')!.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(Object.fromEntries(got)).toEqual({
      'n=eq.5': [5],
      'n=neq.5': [4, 6],
      'n=lt.5': [4],
      'n=lte.5': [4, 5],
      'n=gt.5': [6],
      'n=gte.5': [5, 6],
      'v=in.(x,"y,z")': [4, 5],
    });
  });

  it('filters UPDATE and DELETE events, and gives only the key as old with the default replica identity', async () => {
    const id = 900_000 + Math.floor(Math.random() * 99_999);
    const events: Change[] = [];
    const channel = make()
      .channel(uniqueName('identity'))
      .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: plain, filter: `id=eq.${id}` }, (p) => events.push(p))
      .on('postgres_changes', { event: 'DELETE', schema: 'public', table: plain, filter: `id=eq.${id}` }, (p) => events.push(p));
    await live(channel);
    await sql(`insert into public.${plain} (id, v, n) values ($1, 'before', 1), ($2, 'other', 1)`, [id, id + 1]);
    await sql(`update public.${plain} set v = 'after' where id in ($1, $2)`, [id, id + 1]);
    await sql(`delete from public.${plain} where id in ($1, $2)`, [id, id + 1]);
    await waitFor(() => events.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events.map((e) => e.eventType)).toEqual(['UPDATE', 'DELETE']);
    expect(events[0]!.new).toEqual({ id, v: 'after', n: 1 });
    expect(events[0]!.old).toEqual({ id });
    expect(events[1]!.old).toEqual({ id });
  });

  it('reports a table outside the publication with the upstream system error', async () => {
    const channel = make().channel(uniqueName('hidden')).on('postgres_changes', { event: 'INSERT', schema: 'public', table: hidden }, () => undefined);
    const system = await live(channel);
    expect(system[0]).toMatchObject({ extension: 'postgres_changes', status: 'error' });
    expect(system[0]!.message).toBe(
      `Unable to subscribe to changes with given parameters. Please check Realtime is enabled for the given connect parameters: [event: INSERT, schema: public, table: ${hidden}, filters: [], select: nil]`,
    );
  });
});
