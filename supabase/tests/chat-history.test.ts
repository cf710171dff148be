import { beforeAll, describe, expect, inject, it } from 'vitest';
import { created, db, type Row } from './calendar-support';
import { change, planAs, seed, sent } from './chat-support';
import { band, signUp, sql, type User } from './support';

// Band chat history and unread counts (migration *_chat.sql): keyset pages over 10,000 messages, and each
// member's per-thread unread counts with their read markers.

const stack = inject('stack');
let alice: User, bob: User, dave: User;

beforeAll(async () => {
  [alice, bob, dave] = await Promise.all([signUp(stack, 'alice'), signUp(stack, 'bob'), signUp(stack, 'dave')]);
});

type Page = Array<{ id: string; created_at: string }>;

/**
 * One page of the band chat, newest first, after `last` (the oldest message of the previous page), as the app asks.
 * PostgREST cannot send a row comparison ((created_at, id) < (…)), and its OR alone is only a filter: the scan would
 * start at the newest message and step over every later page. The redundant created_at <= bound makes it the
 * index condition, so each page starts where the previous one ended.
 */
async function page(user: User, bandId: string, last?: { id: string; created_at: string }): Promise<Page> {
  let query = db(user).from('messages').select('id, created_at').eq('band_id', bandId);
  if (last) {
    query = query
      .lte('created_at', last.created_at)
      .or(`created_at.lt."${last.created_at}",and(created_at.eq."${last.created_at}",id.lt.${last.id})`);
  }
  const { data, error } = await query.order('created_at', { ascending: false }).order('id', { ascending: false }).limit(50);
  if (error) throw new Error(`page failed: ${error.code} ${error.message}`);
  return data as Page;
}

type Unread = Array<{ thread: string; unread: number }>;
async function unread(user: User, bandId: string): Promise<Unread> {
  const { data, error } = await db(user).rpc('chat_unread', { p_band: bandId });
  if (error) throw new Error(`chat_unread failed: ${error.code} ${error.message}`);
  return (data as Unread).sort((a, b) => a.thread.localeCompare(b.thread));
}

async function markRead(user: User, bandId: string, thread: string, readAt?: string): Promise<Row> {
  const { data, error } = await db(user).rpc('chat_mark_read', { p_band: bandId, p_thread: thread, ...(readAt ? { p_read_at: readAt } : {}) });
  if (error) throw new Error(`chat_mark_read failed: ${error.code} ${error.message}`);
  return data as Row;
}

describe('band chat history and unread counts', () => {
  it('chat: three keyset pages of 50 over 10,000 messages have no gap and no duplicate, and the page query walks the index', async () => {
    const bandId = await band(stack, alice, [[bob, 'member']]);
    await seed(stack, bandId, bob.id, 10_000);
    const truth = await sql<{ id: string }>(stack, 'select id from public.messages where band_id = $1 order by created_at desc, id desc limit 150', [bandId]);

    const pages: Page[] = [await page(alice, bandId)];
    for (let i = 1; i < 3; i++) pages.push(await page(alice, bandId, pages[i - 1]!.at(-1)));
    expect(pages.map((p) => p.length)).toEqual([50, 50, 50]);
    expect(pages.flat().map((row) => row.id)).toEqual(truth.map((row) => row.id));
    expect(await page(dave, bandId)).toEqual([]);

    // The same query as PostgREST builds it, run as alice with RLS: an index scan on the page index, no Seq Scan.
    const last = pages[2]!.at(-1)!;
    const plan = await planAs(
      stack,
      alice,
      `select id, created_at from public.messages
        where band_id = $1 and created_at <= $2 and (created_at < $2 or (created_at = $2 and id < $3))
        order by created_at desc, id desc limit 50`,
      [bandId, last.created_at, last.id],
    );
    expect(plan).toMatch(/Index (Only )?Scan using messages_band_page_idx on messages/);
    expect(plan).toMatch(/Index Cond: \(\(band_id = '[0-9a-f-]+'::uuid\) AND \(created_at <= /);
    expect(plan).not.toMatch(/Seq Scan on messages/);
  });

  it('chat: unread counts per thread leave out the reader’s own and deleted messages and stop at 100; marking read clears', async () => {
    const bandId = await band(stack, alice, [[bob, 'member']]);
    const song = await created(alice, 'songs', { band_id: bandId, title: 'Song X' });
    const show = await created(alice, 'shows', { band_id: bandId, title: 'Friday', time_zone: 'Europe/Lisbon', starts_at: '2027-03-27T21:00:00Z' });
    expect(await unread(alice, bandId)).toEqual([{ thread: 'band', unread: 0 }]);

    await sent(bob, bandId, 'Hello');
    await sent(bob, bandId, 'Bridge?', { song_id: song.id });
    await sent(bob, bandId, 'Tempo?', { song_id: song.id });
    const gone = await sent(bob, bandId, 'Oops');
    await change(bob, gone.id, { deleted_at: new Date().toISOString() });
    await sent(alice, bandId, 'Mine', { show_id: show.id });
    expect(await unread(alice, bandId)).toEqual([{ thread: 'band', unread: 3 }, { thread: `song:${song.id}`, unread: 2 }]);
    expect(await unread(bob, bandId)).toEqual([{ thread: 'band', unread: 1 }, { thread: `show:${show.id}`, unread: 1 }]);
    expect(await unread(dave, bandId)).toEqual([{ thread: 'band', unread: 0 }]);

    // Reading the song's thread clears it, not the band chat; reading the band chat clears that too.
    await markRead(alice, bandId, `song:${song.id}`);
    expect(await unread(alice, bandId)).toEqual([{ thread: 'band', unread: 3 }]);
    await markRead(alice, bandId, 'band');
    expect(await unread(alice, bandId)).toEqual([{ thread: 'band', unread: 0 }]);
    await sent(bob, bandId, 'After you read');
    expect(await unread(alice, bandId)).toEqual([{ thread: 'band', unread: 1 }]);

    await seed(stack, bandId, bob.id, 150);
    expect(await unread(alice, bandId)).toEqual([{ thread: 'band', unread: 100 }]);
  });

  it('chat: a read marker never moves back or into the future, and is only ever the reader’s own in their own band', async () => {
    const bandId = await band(stack, alice, [[bob, 'member']]);
    const first = await markRead(bob, bandId, 'band');
    expect(first).toMatchObject({ user_id: bob.id, band_id: bandId, thread: 'band', version: 1 });
    // An older tab reports an older read: the marker stays.
    expect(await markRead(bob, bandId, 'band', '2020-01-01T00:00:00Z')).toMatchObject({ read_at: first.read_at, version: 2 });
    const upsert = await db(bob).from('chat_reads').upsert({ band_id: bandId, thread: 'band', read_at: '2020-01-01T00:00:00Z' }).select().single();
    expect(upsert.data).toMatchObject({ read_at: first.read_at });
    const future = await markRead(bob, bandId, 'band', '2100-01-01T00:00:00Z');
    expect(new Date(future.read_at as string).getFullYear()).toBeLessThan(2100);

    const forged = await db(bob).from('chat_reads').insert({ user_id: alice.id, band_id: bandId, thread: 'band', read_at: new Date().toISOString() });
    expect({ status: forged.status, code: forged.error?.code }).toEqual({ status: 403, code: '42501' });
    const outsider = await db(dave).rpc('chat_mark_read', { p_band: bandId, p_thread: 'band' });
    expect({ status: outsider.status, code: outsider.error?.code }).toEqual({ status: 403, code: '42501' });
    const badThread = await db(bob).rpc('chat_mark_read', { p_band: bandId, p_thread: 'song:nope' });
    expect({ status: badThread.status, code: badThread.error?.code }).toEqual({ status: 400, code: '23514' });
    await markRead(alice, bandId, 'band');
    expect((await db(bob).from('chat_reads').select('user_id').eq('band_id', bandId)).data).toEqual([{ user_id: bob.id }]);
    expect(await sql(stack, 'select user_id from public.chat_reads where band_id = $1 order by user_id', [bandId])).toHaveLength(2);
  });
});
