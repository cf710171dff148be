import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applySql } from './target.ts';
import { mintToken, realtimeClient, subscribed, uniqueName, VSNS, waitFor, withDb, type VsnLabel } from './realtime-support.ts';

/**
 * Broadcast from Database: realtime.send() and realtime.broadcast_changes() (RT tenant migration
 * 20260420000000_squash_migrations.ex) relayed by Realtime as `broadcast` events carrying `meta.id`
 * (RT `tenants/replication_connection.ex`, `tenants/batch_broadcast.ex`).
 */
const target = inject('target');
type Message = { type: string; event: string; payload: Record<string, unknown>; meta?: { id: string } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const prefix = uniqueName('dbb');
/** Private topics under `prefix` are readable by `reader` only (realtime.messages select policy). */
const readerSub = crypto.randomUUID();
const table = uniqueName('dbb_rows');
let readerToken = '';
let strangerToken = '';
const clients: SupabaseClient[] = [];

beforeAll(async () => {
  readerToken = await mintToken(target, { role: 'authenticated', sub: readerSub });
  strangerToken = await mintToken(target, { role: 'authenticated', sub: crypto.randomUUID() });
  await applySql(
    target,
    `create policy "${prefix} read" on realtime.messages for select to authenticated
       using (realtime.topic() like '${prefix}%' and auth.uid() = '${readerSub}');
     create table public.${table} (id bigint primary key, body text);
     create function public.${table}_broadcast() returns trigger language plpgsql security definer as $$
     begin
       perform realtime.broadcast_changes('${prefix}:' || coalesce(new.id, old.id)::text, tg_op, tg_op, tg_table_name, tg_table_schema, new, old);
       return null;
     end $$;
     create trigger ${table}_broadcast after insert or update or delete on public.${table}
       for each row execute function public.${table}_broadcast();`,
  );
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.removeAllChannels()));
  await applySql(target, `drop table public.${table}; drop function public.${table}_broadcast(); drop policy "${prefix} read" on realtime.messages;`);
});

async function join(vsn: VsnLabel, topic: string, options: { token?: string; private?: boolean } = {}): Promise<{ channel: RealtimeChannel; got: Message[]; status: string }> {
  const c = realtimeClient(target, target.publishableKey, vsn);
  clients.push(c);
  if (options.token) await c.realtime.setAuth(options.token);
  const channel = c.channel(topic, { config: { private: options.private ?? false } });
  const got: Message[] = [];
  channel.on('broadcast', { event: '*' }, (message) => got.push(message as Message));
  return { channel, got, status: (await subscribed(channel)).status };
}

/** The relay starts with the first joined channel; send markers until one arrives, then forget them. */
async function untilLive(db: pg.Client, topic: string, isPrivate: boolean, got: Message[]): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!got.some((m) => m.event === 'warmup')) {
    if (Date.now() > deadline) throw new Error(`no database broadcast reached ${topic}`);
    await db.query(`select realtime.send('{}'::jsonb, 'warmup', $1, $2)`, [topic, isPrivate]);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await db.query(`select realtime.send('{}'::jsonb, 'ready', $1, $2)`, [topic, isPrivate]);
  await waitFor(() => got.some((m) => m.event === 'ready'), 10_000, 'ready marker');
  got.length = 0;
}

const rowId = async (db: pg.Client, topic: string, event: string) =>
  (await db.query<{ id: string }>('select id::text from realtime.messages where topic = $1 and event = $2', [topic, event])).rows.map((r) => r.id);

describe.each(VSNS)('realtime.send over vsn %s', (vsn) => {
  it('reaches public subscribers of the topic only, with meta.id = the message id, in commit order', async () => {
    const topic = uniqueName('pub');
    const other = uniqueName('pub_other');
    const listener = await join(vsn, topic);
    const elsewhere = await join(vsn, other);
    expect([listener.status, elsewhere.status]).toEqual(['SUBSCRIBED', 'SUBSCRIBED']);
    await withDb(target, async (db) => {
      await untilLive(db, topic, false, listener.got);
      await untilLive(db, other, false, elsewhere.got);
      await db.query(`select realtime.send('{"a":1}', 'evt', $1, false)`, [topic]);
      await db.query(`select realtime.send('{"id":"mine","b":2}', 'evt2', $1, false)`, [topic]);
      await db.query('begin');
      await db.query(`select realtime.send(jsonb_build_object('n', n), 'seq', $1, false) from generate_series(1, 20) n`, [topic]);
      await db.query('commit');
      await db.query(`select realtime.send('{}', 'done', $1, false)`, [other]);
      await waitFor(() => listener.got.length === 22 && elsewhere.got.length === 1, 10_000, 'messages');
      const [id] = await rowId(db, topic, 'evt');
      const [id2] = await rowId(db, topic, 'evt2');
      expect(id).toMatch(UUID);
      expect(listener.got[0]).toEqual({ type: 'broadcast', event: 'evt', payload: { a: 1, id }, meta: { id } });
      // A payload that already has an id keeps it; meta.id is still the row's id.
      expect(listener.got[1]).toEqual({ type: 'broadcast', event: 'evt2', payload: { id: 'mine', b: 2 }, meta: { id: id2 } });
      expect(listener.got.slice(2).map((m) => m.payload.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(elsewhere.got.map((m) => m.event)).toEqual(['done']);
    });
  });

  it('sends private messages only to authorised private channels, public ones only to public channels', async () => {
    const topic = `${prefix}_${vsn}`;
    const reader = await join(vsn, topic, { token: readerToken, private: true });
    const publicSide = await join(vsn, topic, { token: readerToken });
    const stranger = await join(vsn, topic, { token: strangerToken, private: true });
    expect([reader.status, publicSide.status, stranger.status]).toEqual(['SUBSCRIBED', 'SUBSCRIBED', 'CHANNEL_ERROR']);
    await withDb(target, async (db) => {
      await untilLive(db, topic, true, reader.got);
      await untilLive(db, topic, false, publicSide.got);
      await db.query(`select realtime.send('{"s":1}', 'secret', $1, true)`, [topic]);
      await db.query(`select realtime.send('{"p":1}', 'open', $1, false)`, [topic]);
      await db.query(`select realtime.send('{}', 'end', $1, true)`, [topic]);
      await db.query(`select realtime.send('{}', 'end', $1, false)`, [topic]);
      await waitFor(() => reader.got.length === 2 && publicSide.got.length === 2, 10_000, 'end markers');
      const [id] = await rowId(db, topic, 'secret');
      expect(reader.got[0]).toEqual({ type: 'broadcast', event: 'secret', payload: { s: 1, id }, meta: { id } });
      expect(reader.got.map((m) => m.event)).toEqual(['secret', 'end']);
      expect(publicSide.got.map((m) => m.event)).toEqual(['open', 'end']);
      expect(stranger.got).toEqual([]);
    });
  });
});

describe.each(VSNS)('realtime.broadcast_changes from a trigger over vsn %s', (vsn) => {
  it('delivers INSERT, UPDATE and DELETE as private broadcasts with record, old_record, operation, table, schema', async () => {
    const id = vsn === '1.0.0' ? 1 : 2;
    const topic = `${prefix}:${id}`;
    const reader = await join(vsn, topic, { token: readerToken, private: true });
    const publicSide = await join(vsn, topic, { token: readerToken });
    expect([reader.status, publicSide.status]).toEqual(['SUBSCRIBED', 'SUBSCRIBED']);
    await withDb(target, async (db) => {
      await untilLive(db, topic, true, reader.got);
      await db.query(`insert into public.${table} values ($1, 'a')`, [id]);
      await db.query(`update public.${table} set body = 'b' where id = $1`, [id]);
      await db.query(`delete from public.${table} where id = $1`, [id]);
      await waitFor(() => reader.got.length === 3, 10_000, 'three changes');
      const ids: (string | undefined)[] = [];
      for (const op of ['INSERT', 'UPDATE', 'DELETE']) ids.push((await rowId(db, topic, op))[0]);
      const base = { table, schema: 'public' };
      expect(reader.got).toEqual([
        { type: 'broadcast', event: 'INSERT', payload: { ...base, id: ids[0], operation: 'INSERT', record: { id, body: 'a' }, old_record: null }, meta: { id: ids[0] } },
        { type: 'broadcast', event: 'UPDATE', payload: { ...base, id: ids[1], operation: 'UPDATE', record: { id, body: 'b' }, old_record: { id, body: 'a' } }, meta: { id: ids[1] } },
        { type: 'broadcast', event: 'DELETE', payload: { ...base, id: ids[2], operation: 'DELETE', record: null, old_record: { id, body: 'b' } }, meta: { id: ids[2] } },
      ]);
      expect(publicSide.got).toEqual([]);
    });
  });
});

describe.each(VSNS)('the wire frame over vsn %s', (vsn) => {
  it('is a broadcast push with join_ref and ref null, as for any relayed broadcast', async () => {
    const topic = uniqueName('frame');
    const ws = new WebSocket(`${target.url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${target.anonKey}&vsn=${vsn}`);
    const frames: unknown[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(String(data))));
    await new Promise((resolve) => ws.on('open', resolve));
    const join = { config: { broadcast: { self: false, ack: false }, presence: { key: '', enabled: false }, postgres_changes: [], private: false } };
    ws.send(JSON.stringify(vsn === '2.0.0' ? ['1', '1', `realtime:${topic}`, 'phx_join', join] : { topic: `realtime:${topic}`, event: 'phx_join', payload: join, ref: '1', join_ref: '1' }));
    const broadcasts = () => frames.filter((f) => JSON.stringify(f).includes('"broadcast"') && !JSON.stringify(f).includes('phx_reply'));
    try {
      await withDb(target, async (db) => {
        const deadline = Date.now() + 20_000;
        while (broadcasts().length === 0) {
          if (Date.now() > deadline) throw new Error('no frame');
          await db.query(`select realtime.send('{"a":1}', 'evt', $1, false)`, [topic]);
          await new Promise((resolve) => setTimeout(resolve, 150));
        }
        const frame = broadcasts()[0] as unknown[] | Record<string, unknown>;
        const payload = (Array.isArray(frame) ? frame[4] : frame.payload) as Message;
        const id = payload.meta?.id;
        expect((await rowId(db, topic, 'evt')).includes(id!)).toBe(true);
        const body = { type: 'broadcast', event: 'evt', payload: { a: 1, id }, meta: { id } };
        if (vsn === '2.0.0') expect(frame).toEqual([null, null, `realtime:${topic}`, 'broadcast', body]);
        else expect(frame).toEqual({ topic: `realtime:${topic}`, event: 'broadcast', payload: body, ref: null });
      });
    } finally {
      ws.close();
    }
  });
});
