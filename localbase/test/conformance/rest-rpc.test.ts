import { beforeAll, describe, expect, inject, it } from 'vitest';
import { applySql, client, publicKeys, restFetch, waitForRestTables } from './target.ts';

const target = inject('target');

const SCHEMA = `
drop table if exists rrpc_songs cascade;
drop function if exists rrpc_add, rrpc_songs_faster, rrpc_touch, rrpc_echo_tags, rrpc_whoami, rrpc_first_song, rrpc_numbers, rrpc_fail, rrpc_now_count;
create table rrpc_songs (id int primary key, title text, tempo int);
insert into rrpc_songs values (1, 'slow one', 60), (2, 'mid one', 100), (3, 'fast one', 160), (4, 'faster one', 180);
create function rrpc_add(a int, b int default 1) returns int language sql immutable as 'select a + b';
create function rrpc_songs_faster(min_tempo int) returns setof rrpc_songs language sql stable as
  'select * from rrpc_songs where tempo > min_tempo order by id';
create function rrpc_touch() returns void language sql as 'update rrpc_songs set tempo = tempo where false';
create function rrpc_echo_tags(tags text[], meta jsonb) returns jsonb language sql immutable as
  $$select jsonb_build_object('tags', to_jsonb(tags), 'meta', meta)$$;
create function rrpc_whoami() returns jsonb language sql stable as
  $$select jsonb_build_object('role', current_user, 'claims_role', current_setting('request.jwt.claims', true)::jsonb->>'role', 'method', current_setting('request.method', true))$$;
create function rrpc_first_song() returns rrpc_songs language sql stable as 'select * from rrpc_songs order by id limit 1';
create function rrpc_numbers(n int) returns setof int language sql immutable as 'select generate_series(1, n)';
create function rrpc_fail(msg text) returns void language plpgsql as $$begin raise exception '%', msg using hint = 'a hint'; end$$;
`;

beforeAll(async () => {
  await applySql(target, SCHEMA);
  await waitForRestTables(target, ['rrpc_songs']);
});

describe.each(publicKeys(target))('rest rpc with the %s', (_label, key) => {
  const sb = () => client(target, key);

  it('scalar: POST with named args returns the bare JSON value; a default may be omitted', async () => {
    expect(await sb().rpc('rrpc_add', { a: 2, b: 3 })).toMatchObject({ data: 5, status: 200, error: null });
    expect((await sb().rpc('rrpc_add', { a: 41 })).data).toBe(42);
  });

  it('setof: an array that filters, orders and pages like a table', async () => {
    const { data, error } = await sb().rpc('rrpc_songs_faster', { min_tempo: 90 }).gte('tempo', 150).order('tempo', { ascending: false }).limit(1);
    expect(error).toBeNull();
    expect(data).toEqual([{ id: 4, title: 'faster one', tempo: 180 }]);
    const selected = await sb().rpc('rrpc_songs_faster', { min_tempo: 150 }).select('title');
    expect(selected.data).toEqual([{ title: 'fast one' }, { title: 'faster one' }]);
    expect((await sb().rpc('rrpc_numbers', { n: 3 })).data).toEqual([1, 2, 3]);
  });

  it('single composite: an object', async () => {
    expect((await sb().rpc('rrpc_first_song')).data).toEqual({ id: 1, title: 'slow one', tempo: 60 });
  });

  it('void: 204 and null data', async () => {
    const { data, status, error } = await sb().rpc('rrpc_touch');
    expect(error).toBeNull();
    expect(status).toBe(204);
    expect(data).toBeNull();
  });

  it('GET: args from the query string (arrays as {a,b}), read-only', async () => {
    expect((await sb().rpc('rrpc_add', { a: 1, b: 2 }, { get: true })).data).toBe(3);
    expect((await sb().rpc('rrpc_echo_tags', { tags: ['x', 'y,z'], meta: { k: 1 } })).data).toEqual({ tags: ['x', 'y,z'], meta: { k: 1 } });
    const filtered = await sb().rpc('rrpc_songs_faster', { min_tempo: 50 }, { get: true }).lt('tempo', 110);
    expect(filtered.data?.map((r: { id: number }) => r.id)).toEqual([1, 2]);
    const volatile = await restFetch(target, '/rpc/rrpc_touch', { key });
    expect(volatile.status).toBe(405);
    expect((volatile.body as { code: string }).code).toBe('25006');
  });

  it('the request runs as the JWT role with request.jwt.claims and request.method set', async () => {
    expect((await sb().rpc('rrpc_whoami')).data).toEqual({ role: 'anon', claims_role: 'anon', method: 'POST' });
    const service = client(target, target.secretKey);
    expect((await service.rpc('rrpc_whoami', {}, { get: true })).data).toEqual({ role: 'service_role', claims_role: 'service_role', method: 'GET' });
  });

  it('an unknown function or argument is 404 PGRST202 with the upstream message', async () => {
    const missing = await sb().rpc('rrpc_nope', { x: 1 });
    expect(missing.status).toBe(404);
    expect(missing.error).toMatchObject({ code: 'PGRST202', message: 'Could not find the function public.rrpc_nope(x) in the schema cache' });
    const wrongArg = await sb().rpc('rrpc_add', { a: 1, c: 2 });
    expect(wrongArg.error?.code).toBe('PGRST202');
  });

  it('raise exception is 400 P0001 with message and hint', async () => {
    const { status, error } = await sb().rpc('rrpc_fail', { msg: 'no gigs today' });
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: 'P0001', message: 'no gigs today', hint: 'a hint' });
  });
});
