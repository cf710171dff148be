import { beforeAll, describe, expect, inject, it } from 'vitest';
import { applySql, client, publicKeys, restFetch, waitForRestTables } from './target.ts';

const target = inject('target');

const SCHEMA = `
drop table if exists rflt_items cascade;
create table rflt_items (
  id int primary key, name text, qty int, price numeric(6,2), active boolean, tags text[], spans int4range,
  meta jsonb, doc tsvector generated always as (to_tsvector('english', coalesce(name, ''))) stored);
insert into rflt_items (id, name, qty, price, active, tags, spans, meta) values
  (1, 'Red guitar strings', 10, 9.99, true, '{music,strings}', '[1,10)', '{"color": "red", "size": 3}'),
  (2, 'Blue drum sticks', 0, 14.50, false, '{music,drums}', '[10,20)', '{"color": "blue", "size": 1}'),
  (3, 'green Amp cable', 5, 4.00, null, '{cables}', '[30,40)', '{"color": "green"}'),
  (4, 'Plain pick, medium', null, null, true, '{}', null, null),
  (5, 'Quoted "value" (odd)', 2, 1.00, false, null, '[5,6)', '{"color": "red", "size": 2}');
`;

beforeAll(async () => {
  await applySql(target, SCHEMA);
  await waitForRestTables(target, ['rflt_items']);
});

describe.each(publicKeys(target))('rest filters with the %s', (_label, key) => {
  const items = () => client(target, key).from('rflt_items').select('id').order('id');
  const ids = async (query: PromiseLike<{ data: { id: number }[] | null; error: unknown }>) => {
    const { data, error } = await query;
    expect(error).toBeNull();
    return data?.map((r) => r.id);
  };

  it('comparison: eq neq gt gte lt lte', async () => {
    expect(await ids(items().eq('qty', 5))).toEqual([3]);
    expect(await ids(items().neq('qty', 5))).toEqual([1, 2, 5]);
    expect(await ids(items().gt('qty', 2))).toEqual([1, 3]);
    expect(await ids(items().gte('qty', 2))).toEqual([1, 3, 5]);
    expect(await ids(items().lt('price', 5))).toEqual([3, 5]);
    expect(await ids(items().lte('price', 9.99))).toEqual([1, 3, 5]);
  });

  it('pattern: like ilike match imatch, with * as the wildcard and (any|all) quantifiers', async () => {
    expect(await ids(items().like('name', '%guitar%'))).toEqual([1]);
    expect(await ids(items().ilike('name', '*AMP*'))).toEqual([3]);
    expect(await ids(items().filter('name', 'match', '^[A-Z]'))).toEqual([1, 2, 4, 5]);
    expect(await ids(items().filter('name', 'imatch', '^g'))).toEqual([3]);
    expect(await ids(items().likeAnyOf('name', ['%drum%', '%pick%']))).toEqual([2, 4]);
    expect(await ids(items().ilikeAllOf('name', ['%R%', '%s%']))).toEqual([1, 2]);
  });

  it('in: plain values and values with commas, quotes and parentheses', async () => {
    expect(await ids(items().in('id', [2, 4, 99]))).toEqual([2, 4]);
    expect(await ids(items().in('name', ['Plain pick, medium', 'Quoted "value" (odd)']))).toEqual([4, 5]);
    expect(await ids(items().in('id', []))).toEqual([]);
  });

  it('is: null, not null, true, false, unknown; isdistinct', async () => {
    expect(await ids(items().is('qty', null))).toEqual([4]);
    expect(await ids(items().not('qty', 'is', null))).toEqual([1, 2, 3, 5]);
    expect(await ids(items().is('active', true))).toEqual([1, 4]);
    expect(await ids(items().is('active', false))).toEqual([2, 5]);
    expect(await ids(client(target, key).from('rflt_items').select('id').filter('active', 'is', 'unknown'))).toEqual([3]);
    expect(await ids(items().filter('active', 'isdistinct', 'true'))).toEqual([2, 3, 5]);
  });

  it('arrays and ranges: cs cd ov sl sr nxl nxr adj', async () => {
    expect(await ids(items().contains('tags', ['music']))).toEqual([1, 2]);
    expect(await ids(items().containedBy('tags', ['music', 'strings', 'cables']))).toEqual([1, 3, 4]);
    expect(await ids(items().overlaps('tags', ['drums', 'cables']))).toEqual([2, 3]);
    expect(await ids(items().rangeLt('spans', '[20,30)'))).toEqual([1, 2, 5]);
    expect(await ids(items().rangeGt('spans', '[10,20)'))).toEqual([3]);
    expect(await ids(items().rangeLte('spans', '[1,10)'))).toEqual([1, 5]);
    expect(await ids(items().rangeGte('spans', '[10,20)'))).toEqual([2, 3]);
    expect(await ids(items().rangeAdjacent('spans', '[20,30)'))).toEqual([2, 3]);
    expect(await ids(items().overlaps('spans', '[8,12)'))).toEqual([1, 2]);
  });

  it('jsonb: contains an object, and filters through ->> paths', async () => {
    expect(await ids(items().contains('meta', { color: 'red' }))).toEqual([1, 5]);
    expect(await ids(items().eq('meta->>color', 'blue'))).toEqual([2]);
    expect(await ids(items().gt('meta->size', 1))).toEqual([1, 5]);
  });

  it('full text: fts plfts phfts wfts, with and without a config', async () => {
    expect(await ids(items().textSearch('doc', 'guitar & strings'))).toEqual([1]);
    expect(await ids(items().textSearch('doc', 'drum sticks', { type: 'plain', config: 'english' }))).toEqual([2]);
    expect(await ids(items().textSearch('doc', 'amp cable', { type: 'phrase' }))).toEqual([3]);
    expect(await ids(items().textSearch('doc', '"red guitar" or pick', { type: 'websearch', config: 'english' }))).toEqual([1, 4]);
    expect(await ids(items().not('doc', 'fts', 'music | guitar'))).toEqual([2, 3, 4, 5]);
  });

  it('logic: or, and, not and nesting', async () => {
    expect(await ids(items().or('qty.eq.0,price.lt.2'))).toEqual([2, 5]);
    expect(await ids(items().or('and(active.is.true,qty.gt.5),name.ilike.*cable*'))).toEqual([1, 3]);
    expect(await ids(items().or('id.in.(1,2),not.and(qty.gte.2,price.gte.2)'))).toEqual([1, 2, 5]);
    expect(await ids(items().or('name.eq."Plain pick, medium",id.eq.1'))).toEqual([1, 4]);
    expect(await ids(items().not('id', 'in', '(1,2,3)'))).toEqual([4, 5]);
    const raw = await restFetch(target, '/rflt_items?select=id&order=id&not.or=(id.eq.1,id.eq.2)&and=(qty.gte.0,or(id.eq.3,id.eq.5))', { key });
    expect(raw.body).toEqual([{ id: 3 }, { id: 5 }]);
  });

  it('match: several eq filters at once', async () => {
    expect(await ids(items().match({ active: true, qty: 10 }))).toEqual([1]);
  });

  it('a malformed filter is 400 PGRST100, never a 500', async () => {
    for (const query of ['id=eqq.1', 'id=eq', 'or=(id.eq.1', 'or=id.eq.1', 'active=is.maybe', 'id=in.1,2', 'order=id.sideways', 'limit=-1', 'select=id,(']) {
      const res = await restFetch(target, `/rflt_items?${query}`, { key });
      expect(res.status, query).toBe(400);
      expect((res.body as { code: string }).code, query).toBe('PGRST100');
    }
  });

  it('a value of the wrong type is a 400 from PostgreSQL (22P02), not a 500', async () => {
    const { error, status } = await items().eq('qty', 'many');
    expect(status).toBe(400);
    expect(error?.code).toBe('22P02');
  });
});
