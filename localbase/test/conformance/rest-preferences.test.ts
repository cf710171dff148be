import pg from 'pg';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { applySql, client, restFetch, waitForRestTables } from './target.ts';

const target = inject('target');

/**
 * Counts, `Prefer` handling, related orders and RPC array bodies, pinned to upstream PostgREST as Supabase runs it
 * (`db-max-rows = 1000`, default `db-tx-end = commit`): `[pgrst] Query.hs resultSetWTotal`, `ApiRequest/Preferences.hs`,
 * `Plan.hs addRelatedOrders`, `ApiRequest/Payload.hs payloadAttributes`.
 */
const SCHEMA = `
drop function if exists rpref_echo(json);
drop function if exists rpref_add;
drop table if exists rpref_songs, rpref_bands, rpref_items, rpref_big cascade;
create table rpref_items (id int primary key, n int not null);
insert into rpref_items select g, g % 7 from generate_series(1, 20) g;
create table rpref_big (id int primary key);
insert into rpref_big select generate_series(1, 1500);
analyze rpref_items;
analyze rpref_big;
create table rpref_bands (id int primary key, name text);
create table rpref_songs (id int primary key, band_id int references rpref_bands(id), title text not null);
insert into rpref_bands values (1, 'Alpha'), (2, 'Beta'), (3, null);
insert into rpref_songs values (1, 1, 'a1'), (2, 2, 'b1'), (3, 1, 'a2'), (4, null, 'orphan'), (5, 3, 'unnamed');
create function rpref_echo(json) returns json language sql immutable as $$select $1$$;
create function rpref_add(a int, b int) returns int language sql immutable as $$select a + b$$;
`;

/** The planner's estimate for a count query, read as upstream reads it: "Plan Rows" of the top plan node. */
async function planRows(sql: string): Promise<number> {
  const db = new pg.Client({ connectionString: target.dbUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(`explain (format json) ${sql}`);
    return rows[0]!['QUERY PLAN'][0].Plan['Plan Rows'];
  } finally {
    await db.end();
  }
}

beforeAll(async () => {
  await applySql(target, SCHEMA);
  await waitForRestTables(target, ['rpref_items', 'rpref_big', 'rpref_bands', 'rpref_songs']);
});

describe('rest count=planned|estimated', () => {
  const sb = () => client(target, target.anonKey);

  it('count=planned: the total is the EXPLAIN estimate of the count query, echoed in Preference-Applied', async () => {
    const expected = await planRows('select 1 from public.rpref_items where id > 5');
    const { count, error } = await sb().from('rpref_items').select('*', { count: 'planned', head: true }).gt('id', 5);
    expect(error).toBeNull();
    expect(count).toBe(expected);
    const all = await planRows('select 1 from public.rpref_items');
    const res = await restFetch(target, '/rpref_items?select=id&order=id&limit=3', { headers: { Prefer: 'count=planned' } });
    expect(res.status).toBe(all > 3 ? 206 : 200);
    expect(res.headers.get('content-range')).toBe(`0-2/${all}`);
    expect(res.headers.get('preference-applied')).toBe('count=planned');
    expect(res.body).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it('count=estimated: below db-max-rows it is the exact count', async () => {
    const exact = await sb().from('rpref_items').select('*', { count: 'exact', head: true }).lte('n', 3);
    const estimated = await sb().from('rpref_items').select('*', { count: 'estimated', head: true }).lte('n', 3);
    expect(estimated.error).toBeNull();
    expect(exact.count).toBe(11);
    expect(estimated.count).toBe(exact.count);
    const res = await restFetch(target, '/rpref_items?select=id&n=lte.3', { headers: { Prefer: 'count=estimated' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toBe('0-10/11');
    expect(res.headers.get('preference-applied')).toBe('count=estimated');
  });

  it('count=estimated: above db-max-rows (1000) it is the planner estimate; the page stays capped at 1000 rows', async () => {
    const expected = await planRows('select 1 from public.rpref_big');
    expect(expected).toBeGreaterThan(1000);
    const res = await restFetch(target, '/rpref_big?select=id', { headers: { Prefer: 'count=estimated' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`0-999/${expected}`);
    expect((res.body as unknown[]).length).toBe(1000);
  });

  it('count=planned on RPC is not counted (upstream estimates table reads only)', async () => {
    const res = await restFetch(target, '/rpc/rpref_add', { method: 'POST', headers: { 'Content-Type': 'application/json', Prefer: 'count=planned' }, body: '{"a":1,"b":2}' });
    expect(res.status).toBe(200);
    expect(res.body).toBe(3);
  });
});

describe('rest Prefer: tx and handling', () => {
  it('tx=rollback is ignored as on Supabase (db-tx-end = commit): the write commits and nothing is echoed', async () => {
    const sb = client(target, target.serviceRoleKey);
    const { error, status } = await sb.from('rpref_items').insert({ id: 100, n: 1 }).rollback();
    expect(error).toBeNull();
    expect(status).toBe(201);
    const { data } = await sb.from('rpref_items').select('id').eq('id', 100);
    expect(data).toEqual([{ id: 100 }]);
    const res = await restFetch(target, '/rpref_items?id=eq.100', { method: 'DELETE', key: target.serviceRoleKey, headers: { Prefer: 'tx=rollback, return=representation' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('preference-applied')).toBe('return=representation');
    expect((await sb.from('rpref_items').select('id').eq('id', 100)).data).toEqual([]);
  });

  it('handling=strict refuses unknown preferences with PGRST122 on reads, writes and RPC', async () => {
    const expected = { code: 'PGRST122', message: 'Invalid preferences given with handling=strict', details: 'Invalid preferences: anything, else', hint: null };
    const read = await restFetch(target, '/rpref_items', { headers: [['Prefer', 'handling=strict, anything'], ['Prefer', 'else']] });
    expect(read).toMatchObject({ status: 400, body: expected });
    const write = await restFetch(target, '/rpref_items', { method: 'POST', headers: { 'Content-Type': 'application/json', Prefer: 'return=representation, handling=strict, anything, else' }, body: '{"id":101,"n":1}' });
    expect(write).toMatchObject({ status: 400, body: expected });
    const rpc = await restFetch(target, '/rpc/rpref_add', { method: 'POST', headers: { 'Content-Type': 'application/json', Prefer: 'handling=strict, anything, else' }, body: '{"a":1,"b":2}' });
    expect(rpc).toMatchObject({ status: 400, body: expected });
    const { count } = await client(target, target.serviceRoleKey).from('rpref_items').select('*', { count: 'exact', head: true }).eq('id', 101);
    expect(count).toBe(0);
  });

  it('handling=strict accepts the tx preference it will not apply; handling=lenient ignores unknown ones', async () => {
    const strict = await restFetch(target, '/rpref_items?id=eq.1', { headers: { Prefer: 'handling=strict, tx=rollback' } });
    expect(strict.status).toBe(200);
    expect(strict.headers.get('preference-applied')).toBe('handling=strict');
    const lenient = await restFetch(target, '/rpref_items?id=eq.1&select=id', { headers: { Prefer: 'handling=lenient, anything' } });
    expect(lenient).toMatchObject({ status: 200, body: [{ id: 1 }] });
    expect(lenient.headers.get('preference-applied')).toBe('handling=lenient');
  });
});

describe('rest order by an embedded resource', () => {
  const sb = () => client(target, target.anonKey);

  it("order('rel(col)') orders the parents by a to-one embed's column, nulls as asked", async () => {
    const { data, error } = await sb().from('rpref_songs').select('id, rpref_bands(name)').order('rpref_bands(name)', { ascending: false, nullsFirst: false }).order('id');
    expect(error).toBeNull();
    expect(data?.map((row) => row.id)).toEqual([2, 1, 3, 4, 5]);
    const first = await sb().from('rpref_songs').select('id, band:rpref_bands(name)').order('band(name)', { nullsFirst: true }).order('id');
    expect(first.data?.map((row) => row.id)).toEqual([4, 5, 1, 3, 2]);
  });

  it("order(col, { referencedTable }) orders the embedded rows, not the parents", async () => {
    const { data } = await sb().from('rpref_bands').select('id, rpref_songs(id)').order('id').order('id', { referencedTable: 'rpref_songs', ascending: false });
    expect(data).toEqual([{ id: 1, rpref_songs: [{ id: 3 }, { id: 1 }] }, { id: 2, rpref_songs: [{ id: 2 }] }, { id: 3, rpref_songs: [{ id: 5 }] }]);
  });

  it('a to-many related order is PGRST118; an order on a resource not embedded is PGRST108', async () => {
    const many = await sb().from('rpref_bands').select('id, rpref_songs(id)').order('rpref_songs(id)');
    expect(many.status).toBe(400);
    expect(many.error).toEqual({
      code: 'PGRST118', message: "A related order on 'rpref_songs' is not possible",
      details: "'rpref_bands' and 'rpref_songs' do not form a many-to-one or one-to-one relationship", hint: null,
    });
    const missing = await sb().from('rpref_songs').select('id').order('rpref_bands(name)');
    expect(missing.status).toBe(400);
    expect(missing.error).toEqual({
      code: 'PGRST108', message: "'rpref_bands' is not an embedded resource in this request", details: null,
      hint: "Verify that 'rpref_bands' is included in the 'select' query parameter.",
    });
  });
});

describe('rest RPC with a JSON array body', () => {
  const post = (fn: string, body: string) => restFetch(target, `/rpc/${fn}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

  it('a single unnamed json parameter receives the whole array', async () => {
    const { data, error } = await client(target, target.anonKey).rpc('rpref_echo', [{ a: 1 }, { a: 2 }] as unknown as Record<string, unknown>);
    expect(error).toBeNull();
    expect(data).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('named parameters take the first object of a uniform array', async () => {
    expect(await post('rpref_add', '[{"a":1,"b":2},{"a":3,"b":4}]')).toMatchObject({ status: 200, body: 3 });
  });

  it('an array of non-objects or of objects with different keys is PGRST102', async () => {
    const expected = { status: 400, body: { code: 'PGRST102', message: 'All object keys must match', details: null, hint: null } };
    expect(await post('rpref_echo', '[1,2]')).toMatchObject(expected);
    expect(await post('rpref_add', '[{"a":1,"b":2},{"a":3}]')).toMatchObject(expected);
  });
});
