import type { RealtimePostgresChangesPayload, SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { band, signUp, sql, subscribed, waitFor, type User } from './support';

const stack = inject('stack');
let alice: User, bob: User, mallory: User;
let bandId: string, otherBandId: string, malloryBandId: string;

beforeAll(async () => {
  [alice, bob, mallory] = await Promise.all([signUp(stack, 'alice'), signUp(stack, 'bob'), signUp(stack, 'mallory')]);
  [bandId, otherBandId, malloryBandId] = await Promise.all([band(stack, alice, [[bob, 'member']]), band(stack, alice), band(stack, mallory)]);
});

afterAll(async () => {
  await Promise.all([alice, bob, mallory].map((user) => user.client.removeAllChannels()));
});

type Row = Record<string, unknown> & { id: string };

// Untyped on purpose: these requests send what the generated types forbid (bad kinds, versions, moves) to see the
// schema refuse it.
const db = (user: User) => user.client as unknown as SupabaseClient;

async function created(user: User, table: string, values: Record<string, unknown>): Promise<Row> {
  const { data, error } = await db(user).from(table).insert(values).select().single();
  if (error) throw new Error(`${table} insert failed: ${error.code} ${error.message}`);
  return data as Row;
}
const newSong = (user: User, band: string, title = 'Song') => created(user, 'songs', { band_id: band, title });
const newSetlist = (user: User, band: string, fields: Record<string, unknown> = {}) =>
  created(user, 'setlists', { band_id: band, name: 'Friday gig', ...fields });
const newItem = (user: User, setlist: Row, fields: Record<string, unknown>) =>
  created(user, 'setlist_items', { band_id: setlist.band_id, setlist_id: setlist.id, kind: 'break', position: 'a0', ...fields });

/** Every setlist, item and song of a band, as the superuser sees them: the "nothing was written" yardstick. */
async function contents(band: string): Promise<unknown[]> {
  return sql(
    stack,
    `select 'setlist' as t, to_jsonb(s) - 'updated_at' as r from public.setlists s where band_id = $1
     union all select 'item', to_jsonb(i) - 'updated_at' from public.setlist_items i where band_id = $1
     union all select 'song', to_jsonb(g) - 'updated_at' from public.songs g where band_id = $1 order by 1, 2`,
    [band],
  );
}

/** Runs a request that must fail with `code`, and checks that the band's data is exactly as before. */
async function refused(band: string, code: string, request: () => PromiseLike<{ error: { code: string; message: string } | null }>) {
  const before = await contents(band);
  const { error } = await request();
  expect(error?.code).toBe(code);
  expect(await contents(band)).toEqual(before);
  return error!;
}

const count = async (table: string, id: string) => (await sql(stack, `select 1 from public.${table} where id = $1`, [id])).length;

describe('setlists: members read and write, outsiders see and change nothing', () => {
  it('alice and bob insert, read, update and delete setlists and items of their band', async () => {
    const song = await newSong(alice, bandId);
    const setlist = await newSetlist(alice, bandId, { target_duration_s: 5400 });
    const item = await newItem(bob, setlist, { kind: 'song', song_id: song.id, position: 'a0', transpose: -2 });
    await newItem(alice, setlist, { position: 'a1', duration_override_s: 900 });
    expect((await db(bob).from('setlists').select('id, name, created_by').eq('id', setlist.id)).data).toEqual([{ id: setlist.id, name: 'Friday gig', created_by: alice.id }]);
    expect((await db(bob).from('setlist_items').select('position').eq('setlist_id', setlist.id).order('position')).data).toEqual([{ position: 'a0' }, { position: 'a1' }]);

    const renamed = await db(bob).from('setlists').update({ name: 'Saturday gig' }).eq('id', setlist.id).select();
    expect(renamed.data).toMatchObject([{ name: 'Saturday gig', version: 2 }]);
    const moved = await db(alice).from('setlist_items').update({ position: 'a0V' }).eq('id', item.id).select();
    expect(moved.data).toMatchObject([{ position: 'a0V', version: 2 }]);
    expect((await db(bob).from('setlist_items').delete().eq('id', item.id).select()).data).toHaveLength(1);
    expect((await db(alice).from('setlists').delete().eq('id', setlist.id).select()).data).toHaveLength(1);
    expect(await count('setlists', setlist.id)).toBe(0);
    expect(await sql(stack, 'select 1 from public.setlist_items where setlist_id = $1', [setlist.id])).toEqual([]); // cascaded
    expect(await count('songs', song.id)).toBe(1);
  });

  it("mallory sees none of them, and her insert, update and delete change nothing", async () => {
    const setlist = await newSetlist(alice, bandId);
    const item = await newItem(alice, setlist, { position: 'a0' });
    expect((await db(mallory).from('setlists').select().eq('id', setlist.id)).data).toEqual([]);
    expect((await db(mallory).from('setlist_items').select().eq('band_id', bandId)).data).toEqual([]);
    await refused(bandId, '42501', () => db(mallory).from('setlists').insert({ band_id: bandId, name: 'Hijack' }));
    await refused(bandId, '42501', () => db(mallory).from('setlist_items').insert({ band_id: bandId, setlist_id: setlist.id, kind: 'break', position: 'a1' }));
    const before = await contents(bandId);
    expect((await db(mallory).from('setlists').update({ name: 'Hijack' }).eq('id', setlist.id).select()).data).toEqual([]);
    expect((await db(mallory).from('setlist_items').update({ transpose: 3 }).eq('id', item.id).select()).data).toEqual([]);
    expect((await db(mallory).from('setlist_items').delete().eq('id', item.id).select()).data).toEqual([]);
    expect((await db(mallory).from('setlists').delete().eq('id', setlist.id).select()).data).toEqual([]);
    expect(await contents(bandId)).toEqual(before);
  });
});

describe('setlist_items: integrity', () => {
  it('an item plays only a song of its own band, and lives in a setlist of its own band', async () => {
    const setlist = await newSetlist(alice, bandId);
    const theirs = await newSong(mallory, malloryBandId);
    const elsewhere = await newSong(alice, otherBandId);
    const otherSetlist = await newSetlist(alice, otherBandId);
    for (const song of [theirs, elsewhere]) {
      await refused(bandId, '23503', () => db(alice).from('setlist_items').insert({ band_id: bandId, setlist_id: setlist.id, kind: 'song', song_id: song.id, position: 'a0' }));
    }
    await refused(otherBandId, '23503', () => db(alice).from('setlist_items').insert({ band_id: otherBandId, setlist_id: setlist.id, kind: 'break', position: 'a0' }));
    await refused(bandId, '23503', () => db(alice).from('setlist_items').insert({ band_id: bandId, setlist_id: otherSetlist.id, kind: 'break', position: 'a0' }));
    await refused(malloryBandId, '23503', () => db(mallory).from('setlist_items').insert({ band_id: malloryBandId, setlist_id: setlist.id, kind: 'break', position: 'a0' }));
  });

  it("kind and song_id agree: a song item needs a song, a break or note has none", async () => {
    const setlist = await newSetlist(alice, bandId);
    const song = await newSong(alice, bandId);
    const item = (fields: Record<string, unknown>) => () => db(alice).from('setlist_items').insert({ band_id: bandId, setlist_id: setlist.id, position: 'a0', ...fields });
    await refused(bandId, '23514', item({ kind: 'song' }));
    await refused(bandId, '23514', item({ kind: 'break', song_id: song.id }));
    await refused(bandId, '23514', item({ kind: 'note', song_id: song.id }));
    await refused(bandId, '23514', item({ kind: 'encore' }));
  });

  it('refuses bad input with the PostgREST code and writes nothing', async () => {
    const setlist = await newSetlist(alice, bandId);
    await newItem(alice, setlist, { position: 'a0' });
    const list = (fields: Record<string, unknown>) => () => db(alice).from('setlists').insert({ band_id: bandId, name: 'Gig', ...fields });
    const item = (fields: Record<string, unknown>) => () => db(alice).from('setlist_items').insert({ band_id: bandId, setlist_id: setlist.id, kind: 'break', position: 'a1', ...fields });
    for (const name of ['', 'x'.repeat(300), ' Gig', 'Gig ']) await refused(bandId, '23514', list({ name }));
    for (const target_duration_s of [10, 36001]) await refused(bandId, '23514', list({ target_duration_s }));
    for (const transpose of [99, -12, 12]) await refused(bandId, '23514', item({ transpose }));
    for (const position of ['not a key!', '', 'a', '0a', 'a0 ']) await refused(bandId, '23514', item({ position }));
    await refused(bandId, '23514', item({ duration_override_s: -1 }));
    const before = await contents(bandId);
    const duplicate = await item({ position: 'a0' })();
    expect(duplicate).toMatchObject({ status: 409, error: { code: '23505' } });
    expect(await contents(bandId)).toEqual(before);
    // The same key in another setlist is fine: keys are unique per setlist.
    await newItem(alice, await newSetlist(alice, bandId), { position: 'a0' });
  });

  it('version is the server’s, band_id never changes and an item stays in its setlist', async () => {
    const setlist = await newSetlist(alice, bandId, { version: 99 });
    expect(setlist.version).toBe(1);
    const updated = await db(bob).from('setlists').update({ notes: 'Bring spare strings', version: 99 }).eq('id', setlist.id).select().single();
    expect(updated.data).toMatchObject({ notes: 'Bring spare strings', version: 2 });
    const item = await newItem(alice, setlist, { position: 'a0', version: 42 });
    expect(item.version).toBe(1);
    expect((await db(alice).from('setlist_items').update({ transpose: 5 }).eq('id', item.id).select().single()).data).toMatchObject({ transpose: 5, version: 2 });

    const elsewhere = await newSetlist(alice, bandId);
    const otherBandSetlist = await newSetlist(alice, otherBandId);
    const toBand = (row: string) => `A ${row} cannot move to another band`;
    const toSetlist = 'An item cannot move to another setlist';
    expect((await refused(bandId, '22023', () => db(alice).from('setlists').update({ band_id: otherBandId }).eq('id', setlist.id))).message).toBe(toBand('setlist'));
    expect((await refused(bandId, '22023', () => db(alice).from('setlist_items').update({ band_id: otherBandId }).eq('id', item.id))).message).toBe(toBand('setlist item'));
    expect((await refused(bandId, '22023', () => db(alice).from('setlist_items').update({ setlist_id: elsewhere.id }).eq('id', item.id))).message).toBe(toSetlist);
    const both = () => db(alice).from('setlist_items').update({ band_id: otherBandId, setlist_id: otherBandSetlist.id }).eq('id', item.id);
    expect((await refused(bandId, '22023', both)).message).toBe(toSetlist);
  });
});

describe('removing a song a setlist plays', () => {
  async function songInTwoSetlists() {
    const song = await newSong(alice, bandId, 'Used twice');
    const [first, second] = [await newSetlist(alice, bandId), await newSetlist(alice, bandId)];
    const items = [await newItem(alice, first, { kind: 'song', song_id: song.id }), await newItem(alice, second, { kind: 'song', song_id: song.id, position: 'a1' })];
    const keep = await newItem(alice, first, { position: 'a1' });
    return { song, items, keep };
  }

  it('a plain delete fails with 23503 and the song and its items stay', async () => {
    const { song, items } = await songInTwoSetlists();
    await refused(bandId, '23503', () => db(alice).from('songs').delete().eq('id', song.id));
    expect([await count('songs', song.id), ...(await Promise.all(items.map((item) => count('setlist_items', item.id))))]).toEqual([1, 1, 1]);
  });

  it('remove_song removes the song and exactly its items for a member, and returns how many', async () => {
    const { song, items, keep } = await songInTwoSetlists();
    const removed = await db(bob).rpc('remove_song', { p_song_id: song.id });
    expect(removed).toMatchObject({ error: null, data: 2 });
    expect([await count('songs', song.id), ...(await Promise.all(items.map((item) => count('setlist_items', item.id)))), await count('setlist_items', keep.id)]).toEqual([0, 0, 0, 1]);
  });

  it('remove_song as mallory finds no song and removes nothing', async () => {
    const { song } = await songInTwoSetlists();
    const error = await refused(bandId, 'P0002', () => db(mallory).rpc('remove_song', { p_song_id: song.id }));
    expect(error.message).toBe('Song not found');
    expect(await count('songs', song.id)).toBe(1);
  });

  it('deleting the band takes its setlists, items and songs with it', async () => {
    const doomed = await band(stack, alice);
    const song = await newSong(alice, doomed);
    await newItem(alice, await newSetlist(alice, doomed), { kind: 'song', song_id: song.id });
    const deleted = await db(alice).from('bands').delete().eq('id', doomed).select('id');
    expect(deleted.error).toBeNull();
    expect(deleted.data).toEqual([{ id: doomed }]);
    expect(await contents(doomed)).toEqual([]);
  });
});

describe('setlist_items realtime', () => {
  type Item = { id: string; transpose: number };
  function listen(user: User, events: Array<RealtimePostgresChangesPayload<Item>>) {
    let ready = false;
    const channel = user.client
      .channel(`setlists:${bandId}`)
      .on<Item>('postgres_changes', { event: '*', schema: 'public', table: 'setlist_items', filter: `band_id=eq.${bandId}` }, (payload) => events.push(payload))
      .on('system', {}, (message: { extension?: string; status?: string }) => {
        if (message.extension === 'postgres_changes' && message.status === 'ok') ready = true;
      });
    return { channel, ready: () => ready };
  }

  it('bob receives INSERT, UPDATE and DELETE of his band; mallory receives only the bare DELETE', async () => {
    const bobEvents: Array<RealtimePostgresChangesPayload<Item>> = [];
    const malloryEvents: Array<RealtimePostgresChangesPayload<Item>> = [];
    const [b, m] = [listen(bob, bobEvents), listen(mallory, malloryEvents)];
    expect([(await subscribed(b.channel)).status, (await subscribed(m.channel)).status]).toEqual(['SUBSCRIBED', 'SUBSCRIBED']);
    await waitFor(() => b.ready() && m.ready(), 'both postgres_changes subscriptions');

    // One write at a time, as people edit: Realtime checks RLS against the table when it relays an INSERT or UPDATE,
    // so one whose row is already gone (deleted a moment later) is not delivered, upstream as here.
    const heard = (n: number) => waitFor(() => bobEvents.length >= n, `bob’s event number ${n}`);
    const setlist = await newSetlist(alice, bandId);
    const item = await newItem(alice, setlist, { position: 'a0' });
    await heard(1);
    expect((await db(alice).from('setlist_items').update({ transpose: 2 }).eq('id', item.id)).error).toBeNull();
    await heard(2);
    expect((await db(alice).from('setlist_items').delete().eq('id', item.id)).error).toBeNull();
    await heard(3);
    expect(bobEvents.map((event) => event.eventType)).toEqual(['INSERT', 'UPDATE', 'DELETE']);
    expect(bobEvents[0]!.new).toMatchObject({ id: item.id, transpose: 0 });
    expect(bobEvents[1]!.new).toMatchObject({ id: item.id, transpose: 2 });
    expect(bobEvents[2]!.old).toMatchObject({ id: item.id });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(bobEvents).toHaveLength(3);
    // Supabase Realtime does not check RLS for DELETE (there is no row left to check): every subscriber whose
    // filter matches gets it, with old reduced to the primary key. So mallory learns that an id went, nothing more.
    expect(malloryEvents.map(({ eventType, old, new: row }) => ({ eventType, old, row }))).toEqual([{ eventType: 'DELETE', old: { id: item.id }, row: {} }]);
  });
});
