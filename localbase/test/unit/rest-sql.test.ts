import { describe, expect, it } from 'vitest';
import { restErrorCode } from '../helpers/rest-error-code.ts';
import { pgErrorStatus } from '../../src/rest/errors.ts';
import { parseQuery } from '../../src/rest/parse.ts';
import type { SchemaCache, Table } from '../../src/rest/schema-load.ts';
import { arrayLiteral, ident, standalone } from '../../src/rest/sql-common.ts';
import { deleteSql, insertSql } from '../../src/rest/sql-mutate.ts';
import { readSql } from '../../src/rest/sql-read.ts';
import { rpcPayload } from '../../src/rest/sql-rpc.ts';

function table(name: string, columns: string[], primaryKey: string[] = ['id']): Table {
  return {
    schema: 'public', name, isView: false, primaryKey, uniqueKeys: [primaryKey], computed: new Map(),
    columns: new Map(columns.map((c) => [c, { name: c, type: 'text', nullable: true, hasDefault: false }])),
  };
}

const bands = table('bands', ['id', 'name']);
const songs = table('songs', ['id', 'band_id', 'title']);
const cache: SchemaCache = {
  tables: new Map([['public.bands', bands], ['public.songs', songs]]),
  foreignKeys: [{ name: 'songs_band_id_fkey', schema: 'public', table: 'songs', columns: ['band_id'], refSchema: 'public', refTable: 'bands', refColumns: ['id'] }],
  functions: new Map(),
  roleSettings: new Map(),
};
const query = (qs: string) => parseQuery(new URLSearchParams(qs).entries());
const code = restErrorCode;

describe('sql builders', () => {
  it('ident/arrayLiteral: quotes are doubled or escaped, so names and list values stay data', () => {
    expect(ident('a"; drop table x; --')).toBe('"a""; drop table x; --"');
    expect(arrayLiteral(['a,b', 'q"', 'back\\'])).toBe('{"a,b","q\\"","back\\\\"}');
  });

  it('readSql: every value is a $n parameter, never inlined', () => {
    const built = readSql(cache, query("select=id,title&title=eq.x'; drop table songs; --&id=in.(1,2)&order=id.desc&limit=5"), songs, { count: 'exact', singular: false });
    expect(built.text).not.toContain('drop table');
    expect(built.values).toEqual(["x'; drop table songs; --", '{"1","2"}', 5]);
    expect(built.text).toContain('"songs"."title" = $1');
    expect(built.text).toContain('(select count(*) from (select 1 from "public"."songs"');
  });

  it('readSql: max_rows caps the limit', () => {
    expect(readSql(cache, query('limit=5000'), songs, { count: undefined, singular: false, maxRows: 1000 }).values).toEqual([1000]);
  });

  it('readSql: embeds resolve through the foreign key in both directions', () => {
    expect(readSql(cache, query('select=id,bands(name)'), songs, { count: undefined, singular: false }).text).toContain('row_to_json');
    expect(readSql(cache, query('select=id,songs(title)'), bands, { count: undefined, singular: false }).text).toContain('json_agg');
  });

  it('readSql: unknown columns (42703), relationships (PGRST200) and embed paths (PGRST108) are refused before SQL', () => {
    expect(code(() => readSql(cache, query('select=nope'), songs, { count: undefined, singular: false }))).toBe('42703');
    expect(code(() => readSql(cache, query('nope=eq.1'), songs, { count: undefined, singular: false }))).toBe('42703');
    expect(code(() => readSql(cache, query('order=nope'), songs, { count: undefined, singular: false }))).toBe('42703');
    expect(code(() => readSql(cache, query('select=id,songs(id)'), songs, { count: undefined, singular: false }))).toBe('PGRST200');
    expect(code(() => readSql(cache, query('select=id&bands.id=eq.1'), songs, { count: undefined, singular: false }))).toBe('PGRST108');
  });

  it('insertSql: unknown payload or on_conflict columns are PGRST204; the payload is one json parameter', () => {
    expect(code(() => insertSql(cache, query(''), songs, { nope: 1 }, {}, { singular: false }))).toBe('PGRST204');
    const prefs = { resolution: 'merge-duplicates' as const };
    expect(code(() => insertSql(cache, query('on_conflict=nope'), songs, { id: 1 }, prefs, { singular: false }))).toBe('PGRST204');
    expect(code(() => insertSql(cache, query('on_conflict=id);drop'), songs, { id: 1 }, prefs, { singular: false }))).toBe('PGRST100');
    const built = insertSql(cache, query(''), songs, [{ id: 1, title: "'; --" }], prefs, { singular: false });
    expect(built.values).toEqual([JSON.stringify([{ id: 1, title: "'; --" }])]);
    expect(built.text).toContain('on conflict ("id") do update set "id" = excluded."id", "title" = excluded."title"');
  });

  it('standalone: a fragment renumbers the $n it uses from 1, skipping quoted names and literals', () => {
    expect(standalone(`select 1 from "t$9" where a = $3 and b = $5 and c = $3 and d = '$2'`, ['x', 'y', 'z', 'w', 'v'])).toEqual({
      text: `select 1 from "t$9" where a = $1 and b = $2 and c = $1 and d = '$2'`, values: ['z', 'v'],
    });
  });

  it('readSql: count=planned leaves the total to the EXPLAIN; estimated limits the count to max_rows + 1', () => {
    const planned = readSql(cache, query('title=eq.x'), songs, { count: 'planned', singular: false });
    expect(planned.text).toContain('null::bigint as total');
    expect(planned.after).toBeTypeOf('function');
    const estimated = readSql(cache, query('title=eq.x'), songs, { count: 'estimated', singular: false, maxRows: 1000 });
    expect(estimated.text).toMatch(/count\(\*\) from \(select 1 from "public"\."songs" where "songs"\."title" = \$1 limit \$3\)/);
    expect(estimated.values).toEqual(['x', 1000, 1001]);
  });

  it('readSql: order=rel(col) orders by a to-one embed; to-many is PGRST118, a missing embed PGRST108', () => {
    const built = readSql(cache, query('select=id,bands(name)&order=bands(name).desc.nullslast'), songs, { count: undefined, singular: false });
    expect(built.text).toMatch(/order by \(select "pgrst_\d+"\."name" from "public"\."bands" as "pgrst_\d+" where .* limit 1\) desc nulls last/);
    expect(code(() => readSql(cache, query('select=id,songs(id)&order=songs(id)'), bands, { count: undefined, singular: false }))).toBe('PGRST118');
    expect(code(() => readSql(cache, query('select=id&order=bands(name)'), songs, { count: undefined, singular: false }))).toBe('PGRST108');
  });

  it('rpcPayload: an object or uniform array of objects supplies keys; other arrays are PGRST102; scalars are []', () => {
    expect(rpcPayload({ a: 1 })).toEqual({ raw: { a: 1 }, keys: ['a'], args: { a: 1 } });
    expect(rpcPayload([{ a: 1 }, { a: 2 }])).toEqual({ raw: [{ a: 1 }, { a: 2 }], keys: ['a'], args: { a: 1 } });
    expect(rpcPayload(5)).toEqual({ raw: [], keys: [], args: {} });
    expect(code(() => rpcPayload([1, 2]))).toBe('PGRST102');
    expect(code(() => rpcPayload([{ a: 1 }, { b: 2 }]))).toBe('PGRST102');
  });

  it('deleteSql: filters become the WHERE of the DELETE', () => {
    expect(deleteSql(cache, query('id=eq.3'), songs, { singular: false }).text).toContain('delete from "public"."songs" where "songs"."id" = $1');
  });
});

describe('pgErrorStatus', () => {
  it('pgErrorStatus: the SQLSTATE → HTTP map of PostgREST Error.hs', () => {
    expect(pgErrorStatus('23505', '', 'anon')).toBe(409);
    expect(pgErrorStatus('23503', '', 'anon')).toBe(409);
    expect(pgErrorStatus('42501', '', 'anon')).toBe(401);
    expect(pgErrorStatus('42501', '', 'authenticated')).toBe(403);
    expect(pgErrorStatus('42P01', '', 'anon')).toBe(404);
    expect(pgErrorStatus('22023', 'role "x" does not exist', 'x')).toBe(401);
    expect(pgErrorStatus('22023', 'other', 'anon')).toBe(400);
    expect(pgErrorStatus('25006', '', 'anon')).toBe(405);
    expect(pgErrorStatus('P0001', '', 'anon')).toBe(400);
    expect(pgErrorStatus('P0002', '', 'anon')).toBe(500);
    expect(pgErrorStatus('PT402', '', 'anon')).toBe(402);
    expect(pgErrorStatus('57P01', '', 'anon')).toBe(503);
    expect(pgErrorStatus('53400', '', 'anon')).toBe(500);
    expect(pgErrorStatus('53300', '', 'anon')).toBe(503);
    expect(pgErrorStatus('22P02', '', 'anon')).toBe(400);
    expect(pgErrorStatus('08006', '', 'anon')).toBe(503);
  });
});
