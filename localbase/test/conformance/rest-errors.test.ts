import { beforeAll, describe, expect, inject, it } from 'vitest';
import { applySql, client, publicKeys, restFetch, waitForRestTables } from './target.ts';

const target = inject('target');

const SCHEMA = `
drop table if exists rerr_items cascade;
drop function if exists rerr_echo;
create table rerr_items (id int primary key, name text unique, meta jsonb);
insert into rerr_items values (1, 'one', '{"a": 1}'), (2, 'two', null);
create function rerr_echo(v text) returns text language sql immutable as 'select v';
`;

beforeAll(async () => {
  await applySql(target, SCHEMA);
  await waitForRestTables(target, ['rerr_items']);
});

/** The table and its rows survive whatever was tried. */
async function intact(): Promise<void> {
  const { data, error } = await client(target, target.secretKey).from('rerr_items').select('id').order('id');
  expect(error).toBeNull();
  expect(data?.map((r) => r.id).slice(0, 2)).toEqual([1, 2]);
}

const code = (body: unknown) => (body as { code?: string } | null)?.code;

describe.each(publicKeys(target))('rest errors with the %s', (_label, key) => {
  const sb = () => client(target, key);

  it('an unknown table is 404 PGRST205, with a "Perhaps you meant" hint for a near miss', async () => {
    const { status, error } = await sb().from('rerr_itemz').select('*');
    expect(status).toBe(404);
    expect(error).toMatchObject({ code: 'PGRST205', message: "Could not find the table 'public.rerr_itemz' in the schema cache", hint: "Perhaps you meant the table 'public.rerr_items'" });
  });

  it('an unknown column in select, filter or order is 400 42703', async () => {
    expect((await sb().from('rerr_items').select('nope')).error).toMatchObject({ code: '42703', message: 'column rerr_items.nope does not exist' });
    expect((await sb().from('rerr_items').select('id').eq('nope', 1)).status).toBe(400);
    expect((await sb().from('rerr_items').select('id').order('nope')).error?.code).toBe('42703');
  });

  it('a filter on a resource not embedded is 400 PGRST108', async () => {
    const res = await restFetch(target, '/rerr_items?select=id&songs.id=eq.1', { key });
    expect(res.status).toBe(400);
    expect(code(res.body)).toBe('PGRST108');
  });

  it('Accept-Profile / Content-Profile outside [api] schemas is 406 PGRST106 naming the exposed ones', async () => {
    const res = await restFetch(target, '/rerr_items', { key, headers: { 'accept-profile': 'auth' } });
    expect(res.status).toBe(406);
    expect(res.body).toMatchObject({ code: 'PGRST106', message: 'Invalid schema: auth', hint: 'Only the following schemas are exposed: public, graphql_public' });
    const write = await client(target, key, { db: { schema: 'auth' as 'public' } }).from('users').insert({});
    expect(write.status).toBe(406);
    expect(write.error?.code).toBe('PGRST106');
  });

  it('injection through filter values and JSON path keys is data', async () => {
    const values = ["'; drop table rerr_items; --", "1' or '1'='1", '"); drop table rerr_items; --', 'one\\', '%', '*'];
    for (const value of values) {
      const { data, error } = await sb().from('rerr_items').select('id').eq('name', value);
      expect(error).toBeNull();
      expect(data).toEqual([]);
    }
    const inList = await sb().from('rerr_items').select('id').in('name', ['one"}', "x'); drop table rerr_items; --", 'one']);
    expect(inList.data).toEqual([{ id: 1 }]);
    const json = await restFetch(target, `/rerr_items?select=id&meta->>${encodeURIComponent(`"a'; drop table rerr_items; --"`)}=eq.1`, { key });
    expect(json.status).toBe(200);
    expect(json.body).toEqual([]);
    const unquoted = await restFetch(target, `/rerr_items?select=id&meta->>${encodeURIComponent("a'; drop table rerr_items; --")}=eq.1`, { key });
    expect(code(unquoted.body)).toBe('PGRST100');
    await intact();
  });

  it('injection through column names, aliases, casts and order is refused (400) or quoted', async () => {
    const attempts = [
      'select=id;drop table rerr_items',
      `select=${encodeURIComponent('"id; drop table rerr_items; --"')}`,
      `select=${encodeURIComponent('"x"" from pg_authid --":id')}`,
      'select=id::text;drop table rerr_items',
      `select=${encodeURIComponent('id::text) from pg_authid --')}`,
      `${encodeURIComponent('"id; drop table rerr_items"')}=eq.1`,
      'order=id;drop table rerr_items',
      `order=${encodeURIComponent('id desc, (select 1)')}`,
      `or=${encodeURIComponent('(id.eq.1);drop table rerr_items;--')}`,
    ];
    for (const query of attempts) {
      const res = await restFetch(target, `/rerr_items?${query}`, { key });
      expect(res.status, query).toBe(400);
    }
    const aliased = await restFetch(target, `/rerr_items?select=${encodeURIComponent('"evil) --; x":id')}&id=eq.1`, { key });
    expect(aliased.body).toEqual([{ 'evil) --; x': 1 }]);
    await intact();
  });

  it('injection through on_conflict, payload keys, rpc argument names and profile headers is refused', async () => {
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      restFetch(target, path, { key: target.secretKey, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const upsert = await post(`/rerr_items?on_conflict=${encodeURIComponent('id) do nothing; drop table rerr_items; --')}`, { id: 1, name: 'one' }, { prefer: 'resolution=merge-duplicates' });
    expect(upsert.status).toBe(400);
    const key2 = await post('/rerr_items', { 'name") values (1); drop table rerr_items; --': 'x' });
    expect(code(key2.body)).toBe('PGRST204');
    const rpc = await post('/rpc/rerr_echo', { 'v := null); drop table rerr_items; --': 'x' });
    expect(rpc.status).toBe(404);
    expect(code(rpc.body)).toBe('PGRST202');
    const rpcValue = await post('/rpc/rerr_echo', { v: "'); drop table rerr_items; --" });
    expect(rpcValue.body).toBe("'); drop table rerr_items; --");
    const profile = await restFetch(target, '/rerr_items', { key, headers: { 'accept-profile': 'public"; drop table rerr_items; --' } });
    expect(profile.status).toBe(406);
    const path = await restFetch(target, `/${encodeURIComponent('rerr_items; drop table rerr_items')}`, { key });
    expect(path.status).toBe(404);
    await intact();
  });

  it('a plain OPTIONS lists the methods: all for a table, POST only for a volatile function', async () => {
    const table = await restFetch(target, '/rerr_items', { key, method: 'OPTIONS' });
    expect(table.status).toBe(200);
    // PostgREST also lists PUT for a table with a primary key; localbase does not serve PUT (postgrest-js never sends it).
    expect(table.headers.get('allow')?.split(',')).toEqual(expect.arrayContaining(['OPTIONS', 'GET', 'HEAD', 'POST', 'PATCH', 'DELETE']));
    expect((await restFetch(target, '/rpc/rerr_echo', { key, method: 'OPTIONS' })).headers.get('allow')).toBe('OPTIONS,GET,HEAD,POST');
    expect((await restFetch(target, '/rerr_nope', { key, method: 'OPTIONS' })).status).toBe(404);
  });

  it('a body that is not an object for an update, or an unsupported method, is a 4xx with a PostgREST code', async () => {
    const res = await restFetch(target, '/rerr_items?id=eq.1', { key, method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '[1,2]' });
    expect(res.status).toBe(400);
    expect(code(res.body)).toBe('PGRST102');
    const put = await restFetch(target, '/rerr_items', { key, method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(put.status).toBe(405);
  });
});
