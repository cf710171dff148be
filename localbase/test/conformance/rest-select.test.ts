import { beforeAll, describe, expect, inject, it } from 'vitest';
import { applySql, client, publicKeys, restFetch, waitForRestTables } from './target.ts';

const target = inject('target');

const SCHEMA = `
drop view if exists rsel_fast_songs;
drop function if exists rsel_label;
drop table if exists rsel_song_tags, rsel_tags, rsel_gigs, rsel_songs, rsel_bands cascade;
create table rsel_bands (id int primary key, name text not null, city text, founded date, meta jsonb);
create table rsel_songs (
  id int primary key, band_id int references rsel_bands(id), title text not null, tempo int, tags text[],
  rating numeric(4,1), during int4range, body tsvector generated always as (to_tsvector('english', title)) stored,
  created_at timestamptz not null default '2024-01-02T03:04:05Z');
create table rsel_gigs (id int primary key, headliner_id int references rsel_bands(id), support_id int references rsel_bands(id), venue text);
create table rsel_tags (id int primary key, label text);
create table rsel_song_tags (song_id int references rsel_songs(id), tag_id int references rsel_tags(id), primary key (song_id, tag_id));
insert into rsel_bands values (1, 'Alpha', 'Leeds', '2001-02-03', '{"genre": "rock", "members": 4, "tags": ["a", "b"]}'),
  (2, 'Beta', 'York', null, '{"genre": "jazz"}'), (3, 'Gamma', null, null, null);
insert into rsel_songs (id, band_id, title, tempo, tags, rating, during) values
  (1, 1, 'Anthem of the sun', 120, '{loud,fast}', 4.5, '[1,5)'), (2, 1, 'Ballad', 70, '{slow}', 3.0, '[5,9)'),
  (3, 2, 'Cool Jazz', 90, '{smooth,slow}', null, '[20,30)'), (4, 2, 'Dance, Dance', 128, '{}', 5.0, null),
  (5, null, 'Orphan (live)', null, null, null, null);
insert into rsel_gigs values (1, 1, 2, 'Hall'), (2, 2, 3, 'Club');
insert into rsel_tags values (1, 'hit'), (2, 'cover');
insert into rsel_song_tags values (1, 1), (1, 2), (3, 2);
create view rsel_fast_songs as select id, band_id, title from rsel_songs where tempo >= 100;
create function rsel_label(b rsel_bands) returns text language sql stable as $$select b.name || ' (' || coalesce(b.city, '?') || ')'$$;
`;

beforeAll(async () => {
  await applySql(target, SCHEMA);
  await waitForRestTables(target, ['rsel_bands', 'rsel_songs', 'rsel_gigs', 'rsel_tags', 'rsel_song_tags', 'rsel_fast_songs']);
});

describe.each(publicKeys(target))('rest select with the %s', (_label, key) => {
  const sb = () => client(target, key);
  const ids = (rows: { id: number }[] | null) => rows?.map((r) => r.id);

  it('select: columns, alias, cast and JSON paths render as PostgreSQL renders them', async () => {
    const { data, error, status } = await sb().from('rsel_bands').select('id,label:name,founded::text,genre:meta->>genre,meta->members,meta->tags->0').eq('id', 1);
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toEqual([{ id: 1, label: 'Alpha', founded: '2001-02-03', genre: 'rock', members: 4, tags: 'a' }]);
  });

  it('select: * keeps numeric, arrays, ranges and timestamptz as PostgREST renders them', async () => {
    const { data } = await sb().from('rsel_songs').select('*').eq('id', 1).single();
    expect(data).toMatchObject({ id: 1, band_id: 1, tags: ['loud', 'fast'], rating: 4.5, during: '[1,5)', created_at: '2024-01-02T03:04:05+00:00' });
  });

  it('embed: to-one is an object or null, to-many an array', async () => {
    const { data, error } = await sb().from('rsel_songs').select('id, rsel_bands(name)').in('id', [1, 5]).order('id');
    expect(error).toBeNull();
    expect(data).toEqual([{ id: 1, rsel_bands: { name: 'Alpha' } }, { id: 5, rsel_bands: null }]);
    const bands = await sb().from('rsel_bands').select('name, rsel_songs(id)').order('id');
    expect(bands.data).toEqual([
      { name: 'Alpha', rsel_songs: [{ id: 1 }, { id: 2 }] },
      { name: 'Beta', rsel_songs: [{ id: 3 }, { id: 4 }] },
      { name: 'Gamma', rsel_songs: [] },
    ]);
  });

  it('embed: nested, aliased, with order and limit on the embedded resource', async () => {
    const { data, error } = await sb()
      .from('rsel_bands')
      .select('name, tracks:rsel_songs(title, band:rsel_bands(city))')
      .eq('id', 1)
      .order('tempo', { referencedTable: 'tracks', ascending: false })
      .limit(1, { referencedTable: 'tracks' });
    expect(error).toBeNull();
    expect(data).toEqual([{ name: 'Alpha', tracks: [{ title: 'Anthem of the sun', band: { city: 'Leeds' } }] }]);
  });

  it('embed: !inner drops parents without a match; a filter without it only filters the array', async () => {
    const inner = await sb().from('rsel_bands').select('id, rsel_songs!inner(id)').eq('rsel_songs.tempo', 70);
    expect(inner.data).toEqual([{ id: 1, rsel_songs: [{ id: 2 }] }]);
    const left = await sb().from('rsel_bands').select('id, rsel_songs(id)').eq('rsel_songs.tempo', 70).order('id');
    expect(left.data).toEqual([{ id: 1, rsel_songs: [{ id: 2 }] }, { id: 2, rsel_songs: [] }, { id: 3, rsel_songs: [] }]);
    const notNull = await sb().from('rsel_songs').select('id, rsel_bands(id)').not('rsel_bands', 'is', null).order('id');
    expect(ids(notNull.data)).toEqual([1, 2, 3, 4]);
  });

  it('embed: two foreign keys are ambiguous (300 PGRST201) until a hint by constraint or column picks one', async () => {
    const ambiguous = await sb().from('rsel_gigs').select('id, rsel_bands(name)');
    expect(ambiguous.status).toBe(300);
    expect(ambiguous.error?.code).toBe('PGRST201');
    const byColumn = await sb().from('rsel_gigs').select('id, headliner:rsel_bands!headliner_id(name), support:rsel_bands!rsel_gigs_support_id_fkey(name)').order('id');
    expect(byColumn.data).toEqual([
      { id: 1, headliner: { name: 'Alpha' }, support: { name: 'Beta' } },
      { id: 2, headliner: { name: 'Beta' }, support: { name: 'Gamma' } },
    ]);
  });

  it('embed: many-to-many through a junction table', async () => {
    const { data } = await sb().from('rsel_songs').select('id, rsel_tags(label)').in('id', [1, 2]).order('id');
    expect(data).toEqual([{ id: 1, rsel_tags: [{ label: 'hit' }, { label: 'cover' }] }, { id: 2, rsel_tags: [] }]);
  });

  it('embed: a view over one table inherits its foreign keys in both directions', async () => {
    const fromView = await sb().from('rsel_fast_songs').select('title, rsel_bands(name)').order('id');
    expect(fromView.error).toBeNull();
    expect(fromView.data).toEqual([{ title: 'Anthem of the sun', rsel_bands: { name: 'Alpha' } }, { title: 'Dance, Dance', rsel_bands: { name: 'Beta' } }]);
    const toView = await sb().from('rsel_bands').select('name, rsel_fast_songs(id)').eq('id', 1);
    expect(toView.data).toEqual([{ name: 'Alpha', rsel_fast_songs: [{ id: 1 }] }]);
  });

  it('computed field: a function of the row is selectable, filterable and orderable, also when embedded', async () => {
    const { data, error } = await sb().from('rsel_bands').select('id, rsel_label').like('rsel_label', '*(?)').order('rsel_label');
    expect(error).toBeNull();
    expect(data).toEqual([{ id: 3, rsel_label: 'Gamma (?)' }]);
    const embedded = await sb().from('rsel_songs').select('id, band:rsel_bands(rsel_label)').eq('id', 1);
    expect(embedded.data).toEqual([{ id: 1, band: { rsel_label: 'Alpha (Leeds)' } }]);
  });

  it('embed: no relationship is 400 PGRST200', async () => {
    const { error, status } = await sb().from('rsel_tags').select('id, rsel_gigs(id)');
    expect(status).toBe(400);
    expect(error?.code).toBe('PGRST200');
  });

  it('embed: legacy count (no parentheses) counts embedded rows; count() is PGRST123', async () => {
    const { data, error } = await sb().from('rsel_bands').select('name, rsel_songs(count)').order('id');
    expect(error).toBeNull();
    expect(data).toEqual([
      { name: 'Alpha', rsel_songs: [{ count: 2 }] },
      { name: 'Beta', rsel_songs: [{ count: 2 }] },
      { name: 'Gamma', rsel_songs: [{ count: 0 }] },
    ]);
    expect((await sb().from('rsel_songs').select('count').gt('tempo', 80)).data).toEqual([{ count: 3 }]);
    const aggregate = await sb().from('rsel_songs').select('id.count()');
    expect(aggregate.status).toBe(400);
    expect(aggregate.error?.code).toBe('PGRST123');
  });

  it('embed: a to-one spread flattens the columns into the parent', async () => {
    const { data, error } = await sb().from('rsel_songs').select('id, ...rsel_bands(band_name:name, city)').in('id', [1, 5]).order('id');
    expect(error).toBeNull();
    expect(data).toEqual([{ id: 1, band_name: 'Alpha', city: 'Leeds' }, { id: 5, band_name: null, city: null }]);
  });

  it('stripNulls: keys with null values are dropped', async () => {
    const { data, error } = await sb().from('rsel_bands').select('id, city').eq('id', 3).stripNulls();
    expect(error).toBeNull();
    expect(data).toEqual([{ id: 3 }]);
  });

  it('csv: a header of keys, then one line per row in PostgreSQL text form', async () => {
    const { data, error } = await sb().from('rsel_bands').select('id, name, city').in('id', [1, 3]).order('id').csv();
    expect(error).toBeNull();
    expect(data).toBe('id,name,city\n1,Alpha,Leeds\n3,Gamma,');
  });

  it('count=planned answers the planner estimate (a number), count=estimated below max_rows the exact count', async () => {
    const planned = await sb().from('rsel_songs').select('id', { count: 'planned' }).limit(1);
    expect(planned.error).toBeNull();
    expect(typeof planned.count).toBe('number');
    const estimated = await sb().from('rsel_songs').select('id', { count: 'estimated' }).limit(1);
    expect(estimated.error).toBeNull();
    expect(estimated.count).toBe(5);
  });

  it('order: asc/desc with nullsfirst/nullslast, several columns', async () => {
    const first = await sb().from('rsel_songs').select('id').order('tempo', { ascending: true, nullsFirst: true });
    expect(ids(first.data)).toEqual([5, 2, 3, 1, 4]);
    const last = await sb().from('rsel_songs').select('id').order('tempo', { ascending: false, nullsFirst: false });
    expect(ids(last.data)).toEqual([4, 1, 3, 2, 5]);
    const multi = await sb().from('rsel_songs').select('id').order('band_id', { ascending: true }).order('tempo', { ascending: false });
    expect(ids(multi.data)).toEqual([1, 2, 4, 3, 5]);
  });

  it('range/limit: offset and limit page the rows', async () => {
    const { data } = await sb().from('rsel_songs').select('id').order('id').range(1, 2);
    expect(ids(data)).toEqual([2, 3]);
    const limited = await sb().from('rsel_songs').select('id').order('id').limit(2);
    expect(ids(limited.data)).toEqual([1, 2]);
  });

  it('count=exact: a partial page is 206 with Content-Range, a full one 200; head returns only the count', async () => {
    const partial = await sb().from('rsel_songs').select('id', { count: 'exact' }).order('id').range(0, 1);
    expect(partial.status).toBe(206);
    expect(partial.count).toBe(5);
    const full = await sb().from('rsel_songs').select('id', { count: 'exact' });
    expect(full.status).toBe(200);
    expect(full.count).toBe(5);
    const head = await sb().from('rsel_songs').select('*', { count: 'exact', head: true }).gt('tempo', 80);
    expect(head.data).toBeNull();
    expect(head.count).toBe(3);
    const raw = await restFetch(target, '/rsel_songs?select=id&order=id&offset=1&limit=2', { key, headers: { prefer: 'count=exact' } });
    expect(raw.headers.get('content-range')).toBe('1-2/5');
    const empty = await restFetch(target, '/rsel_songs?select=id&id=eq.99', { key, headers: { prefer: 'count=exact' } });
    expect(empty.headers.get('content-range')).toBe('*/0');
  });

  it('Range header: items 0-1 pages like limit/offset', async () => {
    const raw = await restFetch(target, '/rsel_songs?select=id&order=id', { key, headers: { range: '1-2', 'range-unit': 'items' } });
    expect(raw.body).toEqual([{ id: 2 }, { id: 3 }]);
    expect(raw.headers.get('content-range')).toBe('1-2/*');
  });

  it('single: exactly one row is an object; none or many is 406 PGRST116 with upstream details', async () => {
    const one = await sb().from('rsel_bands').select('name').eq('id', 2).single();
    expect(one.data).toEqual({ name: 'Beta' });
    const none = await sb().from('rsel_bands').select('name').eq('id', 42).single();
    expect(none.status).toBe(406);
    expect(none.error).toMatchObject({ code: 'PGRST116', message: 'Cannot coerce the result to a single JSON object', details: 'The result contains 0 rows' });
    const many = await sb().from('rsel_bands').select('name').single();
    expect(many.error).toMatchObject({ code: 'PGRST116', details: 'The result contains 3 rows' });
  });

  it('maybeSingle: zero rows is null, one row the object, several an error', async () => {
    expect((await sb().from('rsel_bands').select('name').eq('id', 42).maybeSingle()).data).toBeNull();
    expect((await sb().from('rsel_bands').select('name').eq('id', 3).maybeSingle()).data).toEqual({ name: 'Gamma' });
    expect((await sb().from('rsel_bands').select('name').maybeSingle()).error?.code).toBe('PGRST116');
  });
});
