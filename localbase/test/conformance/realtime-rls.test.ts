import type { RealtimeChannel, RealtimePostgresChangesPayload, SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applySql, TEST_PASSWORD, uniqueEmail } from './target.ts';
import { mintToken, realtimeClient, subscribed, systemEvents, uniqueName, waitFor, withDb, type VsnLabel } from './realtime-support.ts';

const target = inject('target');
const notes = uniqueName('rt_notes');
const members = uniqueName('rt_members');
type Row = Record<string, unknown>;
type Change = RealtimePostgresChangesPayload<Row>;

interface User {
  id: string;
  token: string;
}
const users: User[] = [];
const clients: SupabaseClient[] = [];

async function signUp(): Promise<User> {
  const c = realtimeClient(target, target.publishableKey, '2.0.0');
  const { data, error } = await c.auth.signUp({ email: uniqueEmail('rt'), password: TEST_PASSWORD });
  if (error || !data.session || !data.user) throw error ?? new Error('no session');
  return { id: data.user.id, token: data.session.access_token };
}

beforeAll(async () => {
  users.push(await signUp(), await signUp());
  await applySql(
    target,
    `create table public.${members} (user_id uuid not null, group_id int not null);
     insert into public.${members} values ('${users[0]!.id}', 1), ('${users[1]!.id}', 2);
     create table public.${notes} (id bigint generated always as identity primary key, group_id int not null, body text, secret text);
     alter table public.${notes} enable row level security;
     alter table public.${notes} replica identity full;
     create policy member_read on public.${notes} for select to authenticated
       using (exists (select 1 from public.${members} m where m.user_id = auth.uid() and m.group_id = ${notes}.group_id));
     revoke select on public.${notes} from anon, authenticated;
     grant select (id, group_id, body) on public.${notes} to anon, authenticated;
     alter publication supabase_realtime add table public.${notes};`,
  );
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.removeAllChannels()));
});

/** A client whose realtime connection acts as `token` (set before subscribing, as AuthProvider does). */
async function clientAs(token: string | undefined, vsn: VsnLabel = '2.0.0'): Promise<SupabaseClient> {
  const c = realtimeClient(target, target.publishableKey, vsn);
  clients.push(c);
  if (token) await c.realtime.setAuth(token);
  return c;
}

async function watch(c: SupabaseClient, events: Change[], name = uniqueName('notes')): Promise<RealtimeChannel> {
  const channel = c.channel(name).on('postgres_changes', { event: '*', schema: 'public', table: notes }, (p) => events.push(p));
  const system = systemEvents(channel);
  expect((await subscribed(channel)).status).toBe('SUBSCRIBED');
  await waitFor(() => system.length > 0, 15_000, 'system event');
  expect(system[0]).toMatchObject({ status: 'ok', message: 'Subscribed to PostgreSQL' });
  return channel;
}

const idOf = (e: Change) => Number(((e.eventType === 'DELETE' ? e.old : e.new) as Row).id);

describe('postgres_changes under RLS', () => {
  it('gives each user only the rows their group may read: 0 leaks over 1,000 mixed writes; anon gets nothing', async () => {
    const [a, b] = [[] as Change[], [] as Change[]];
    const anon: Change[] = [];
    await watch(await clientAs(users[0]!.token, '1.0.0'), a);
    await watch(await clientAs(users[1]!.token), b);
    await watch(await clientAs(undefined), anon);
    const inserted = new Map<number, number>(); // id → group
    const deleted = new Set<number>();
    await withDb(target, async (db) => {
      for (let i = 0; i < 1000; i++) {
        const ids = [...inserted.keys()].filter((id) => !deleted.has(id));
        const pick = ids[Math.floor(Math.random() * ids.length)];
        if (i % 5 === 3 && pick !== undefined) {
          await db.query(`update public.${notes} set body = $2 where id = $1`, [pick, `edit ${i}`]);
        } else if (i % 7 === 6 && pick !== undefined) {
          await db.query(`delete from public.${notes} where id = $1`, [pick]);
          deleted.add(pick);
        } else {
          const group = (i % 2) + 1;
          const { rows } = await db.query(`insert into public.${notes} (group_id, body, secret) values ($1, $2, 'hidden') returning id`, [group, `note ${i}`]);
          inserted.set(Number(rows[0].id), group);
        }
      }
    });
    const survivors = (group: number) => [...inserted].filter(([id, g]) => g === group && !deleted.has(id)).map(([id]) => id);
    const insertsOf = (events: Change[]) => new Set(events.filter((e) => e.eventType === 'INSERT').map(idOf));
    await waitFor(() => survivors(1).every((id) => insertsOf(a).has(id)) && survivors(2).every((id) => insertsOf(b).has(id)), 60_000, `all surviving inserts (a ${a.length}, b ${b.length})`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const [events, group] of [[a, 1], [b, 2]] as const) {
      const leaks = events.filter((e) => e.eventType !== 'DELETE' && (e.new as Row).group_id !== group);
      expect(leaks).toEqual([]);
      for (const e of events) {
        expect(Object.keys(e.new)).not.toContain('secret'); // column privileges
        if (e.eventType === 'DELETE') expect(Object.keys(e.old)).toEqual(['id']); // RLS on: key only, even with FULL
        if (e.eventType === 'UPDATE') expect(Object.keys(e.old).sort()).toEqual(['body', 'group_id', 'id']);
      }
      expect(events.some((e) => e.eventType === 'UPDATE')).toBe(true);
    }
    expect(anon.filter((e) => e.eventType !== 'DELETE')).toEqual([]);
  }, 120_000);

  it('keeps events flowing after setAuth with a fresh token, under the new claims', async () => {
    const events: Change[] = [];
    const c = await clientAs(users[0]!.token);
    await watch(c, events);
    const fresh = await mintToken(target, { sub: users[0]!.id, role: 'authenticated' });
    await c.realtime.setAuth(fresh);
    await withDb(target, (db) => db.query(`insert into public.${notes} (group_id, body) values (1, 'after refresh')`));
    await waitFor(() => events.some((e) => (e.new as Row).body === 'after refresh'));
    // Switching to the other user's claims switches what RLS lets through.
    await c.realtime.setAuth(await mintToken(target, { sub: users[1]!.id, role: 'authenticated' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await withDb(target, (db) => db.query(`insert into public.${notes} (group_id, body) values (1, 'g1 late'), (2, 'g2 late')`));
    await waitFor(() => events.some((e) => (e.new as Row).body === 'g2 late'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events.some((e) => (e.new as Row).body === 'g1 late')).toBe(false);
  });

  // Realtime probes as a superuser; a token (signed with the project secret) naming `postgres` must not inherit that.
  it('gives a JWT whose role the API cannot switch to (postgres) no rows and no private channel', async () => {
    const superuserToken = await mintToken(target, { sub: users[0]!.id, role: 'postgres' });
    const [forged, member] = [[] as Change[], [] as Change[]];
    const c = await clientAs(superuserToken);
    await watch(c, forged);
    await watch(await clientAs(users[0]!.token), member);
    await withDb(target, (db) => db.query(`insert into public.${notes} (group_id, body) values (1, 'role check')`));
    await waitFor(() => member.some((e) => (e.new as Row).body === 'role check'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(forged).toEqual([]);
    const privateChannel = c.channel(uniqueName('private'), { config: { private: true } });
    expect((await subscribed(privateChannel)).status).toBe('CHANNEL_ERROR');
  });
});

describe('tokens on channels', () => {
  it('closes the channel with a system error when the token expires', async () => {
    const c = await clientAs(await mintToken(target, { sub: users[0]!.id, role: 'authenticated' }, 2));
    const channel = c.channel(uniqueName('expiring'));
    const system = systemEvents(channel);
    const statuses: string[] = [];
    channel.subscribe((status) => statuses.push(status));
    await waitFor(() => statuses.includes('SUBSCRIBED'));
    await waitFor(() => statuses.includes('CLOSED'), 10_000, 'phx_close');
    expect(system.at(-1)).toMatchObject({ extension: 'system', status: 'error' });
    expect(String(system.at(-1)!.message)).toMatch(/^Token has expired \d+ seconds ago$/);
  });

  it('refuses a join with an expired token and closes on a malformed access_token', async () => {
    const c = await clientAs(await mintToken(target, { role: 'authenticated' }, -30));
    const refused = c.channel(uniqueName('expired'));
    const outcome = await subscribed(refused);
    await c.removeChannel(refused);
    expect(outcome.status).toBe('CHANNEL_ERROR');
    expect(outcome.error?.message).toMatch(/^InvalidJWTToken: Token has expired \d+ seconds ago$/);

    const d = await clientAs(users[0]!.token);
    const channel = d.channel(uniqueName('malformed'));
    const system = systemEvents(channel);
    const statuses: string[] = [];
    channel.subscribe((status) => statuses.push(status));
    await waitFor(() => statuses.includes('SUBSCRIBED'));
    await d.realtime.setAuth('not-a-jwt');
    await waitFor(() => statuses.includes('CLOSED'));
    expect(system.at(-1)).toMatchObject({ extension: 'system', status: 'error', message: 'The token provided is not a valid JWT' });
  });
});

describe('private channels', () => {
  it('refuses a private channel without a realtime.messages policy, and admits one with it', async () => {
    const topic = uniqueName('private');
    const c = await clientAs(users[0]!.token);
    const refused = c.channel(topic, { config: { private: true } });
    const outcome = await subscribed(refused);
    await c.removeChannel(refused);
    expect(outcome.status).toBe('CHANNEL_ERROR');
    expect(outcome.error?.message).toBe(`Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`);

    await applySql(
      target,
      `create policy "${topic} read" on realtime.messages for select to authenticated using (realtime.topic() = '${topic}');
       create policy "${topic} write" on realtime.messages for insert to authenticated with check (realtime.topic() = '${topic}' and auth.uid() = '${users[0]!.id}');`,
    );
    const sender = (await clientAs(users[0]!.token)).channel(topic, { config: { private: true } });
    const other = await clientAs(users[1]!.token);
    const receiver = other.channel(topic, { config: { private: true } });
    const got: unknown[] = [];
    receiver.on('broadcast', { event: '*' }, (m) => got.push(m));
    expect(await subscribed(sender)).toEqual({ status: 'SUBSCRIBED' });
    expect((await subscribed(receiver)).status).toBe('SUBSCRIBED');
    await receiver.send({ type: 'broadcast', event: 'no-write', payload: {} }); // user 1 lacks the insert policy: dropped
    await sender.send({ type: 'broadcast', event: 'hello', payload: { n: 1 } });
    await waitFor(() => got.length >= 1);
    expect(got).toEqual([{ type: 'broadcast', event: 'hello', payload: { n: 1 } }]);
    // A public channel of the same name is a different topic.
    const publicSide = (await clientAs(users[0]!.token)).channel(topic);
    const heard: unknown[] = [];
    publicSide.on('broadcast', { event: '*' }, (m) => heard.push(m));
    await subscribed(publicSide);
    await sender.send({ type: 'broadcast', event: 'hello', payload: { n: 2 } });
    await waitFor(() => got.length >= 2);
    expect(heard).toEqual([]);
  });
});
