import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { anonymous, answer, contents, created, db, listen, newItem, newPractice, newShow, newSong, refused, untouched, type Change, type Row } from './calendar-support';
import { band, signUp, sql, subscribed, waitFor, type User } from './support';

const stack = inject('stack');
// alice owns the band, bob is a member, carol is in no band of theirs, anon never signed in.
let alice: User, bob: User, carol: User, anon: SupabaseClient;
let bandId: string;

beforeAll(async () => {
  [alice, bob, carol] = await Promise.all([signUp(stack, 'alice'), signUp(stack, 'bob'), signUp(stack, 'carol')]);
  anon = anonymous(stack);
  bandId = await band(stack, alice, [[bob, 'member']]);
  await band(stack, carol); // carol is a member of a band, just not this one
});

afterAll(async () => {
  await Promise.all([alice, bob, carol].map((user) => user.client.removeAllChannels()));
});

const selectAll = (client: SupabaseClient, table: string) => client.from(table).select().eq('band_id', bandId);

describe('shows, practice sessions and the agenda: members plan them, outsiders see and change nothing', () => {
  it('alice and bob insert, read, update and delete each of them', async () => {
    const show = await newShow(alice, bandId, { fee_cents: 25050, status: 'confirmed' });
    expect(show).toMatchObject({ version: 1, created_by: alice.id, fee_cents: 25050, currency: 'EUR' });
    const practice = await newPractice(bob, bandId);
    const item = await newItem(bob, practice, await newSong(alice, bandId), { goal: 'Nail the bridge' });
    expect((await db(bob).from('shows').select('id, title').eq('id', show.id)).data).toEqual([{ id: show.id, title: show.title }]);
    expect((await db(alice).from('practice_sessions').select('id, created_by').eq('id', practice.id)).data).toEqual([{ id: practice.id, created_by: bob.id }]);
    expect((await db(alice).from('practice_items').select('id, goal').eq('session_id', practice.id)).data).toEqual([{ id: item.id, goal: 'Nail the bridge' }]);

    expect((await db(bob).from('shows').update({ venue_name: 'Lux' }).eq('id', show.id).select()).data).toMatchObject([{ venue_name: 'Lux', version: 2 }]);
    expect((await db(alice).from('practice_sessions').update({ location: 'Room 4' }).eq('id', practice.id).select()).data).toMatchObject([{ location: 'Room 4', version: 2 }]);
    expect((await db(alice).from('practice_items').update({ position: 'a1' }).eq('id', item.id).select()).data).toMatchObject([{ position: 'a1', version: 2 }]);

    expect((await db(alice).from('practice_items').delete().eq('id', item.id).select()).data).toHaveLength(1);
    expect((await db(bob).from('practice_sessions').delete().eq('id', practice.id).select()).data).toHaveLength(1);
    expect((await db(bob).from('shows').delete().eq('id', show.id).select()).data).toHaveLength(1);
    expect(await contents(stack, bandId)).toEqual([]);
  });

  it('carol and anon read nothing, and their inserts, updates and deletes write nothing', async () => {
    const show = await newShow(alice, bandId);
    const practice = await newPractice(alice, bandId);
    const song = await newSong(alice, bandId);
    const item = await newItem(alice, practice, song);
    const rows: Array<[string, Row, Row]> = [['shows', show, { notes: 'mine now' }], ['practice_sessions', practice, { notes: 'mine now' }], ['practice_items', item, { goal: 'mine now' }]];
    const inserts: Record<string, Row> = {
      shows: { band_id: bandId, title: 'Hijack', time_zone: 'UTC', starts_at: '2027-01-01T20:00:00Z' },
      practice_sessions: { band_id: bandId, time_zone: 'UTC', starts_at: '2027-01-01T18:00:00Z', ends_at: '2027-01-01T19:00:00Z' },
      practice_items: { band_id: bandId, session_id: practice.id, song_id: song.id, position: 'b0' },
    };
    for (const [client, forbidden] of [[db(carol), 403], [anon, 401]] as const) {
      for (const [table, row, change] of rows) {
        expect(await selectAll(client, table)).toMatchObject({ status: 200, data: [] });
        await refused(stack, bandId, forbidden, '42501', () => client.from(table).insert(inserts[table]!));
        await untouched(stack, bandId, () => client.from(table).update(change).eq('id', row.id).select());
        await untouched(stack, bandId, () => client.from(table).delete().eq('id', row.id).select());
      }
    }
  });

  it('a row never moves to another band, even one the user is also in', async () => {
    const elsewhere = await band(stack, alice);
    const show = await newShow(alice, bandId);
    const error = await refused(stack, bandId, 400, '22023', () => db(alice).from('shows').update({ band_id: elsewhere }).eq('id', show.id));
    expect(error.message).toBe('A show cannot move to another band');
    const practice = await newPractice(alice, bandId);
    const item = await newItem(alice, practice, await newSong(alice, bandId));
    const other = await newPractice(alice, bandId);
    const moved = await refused(stack, bandId, 400, '22023', () => db(alice).from('practice_items').update({ session_id: other.id }).eq('id', item.id));
    expect(moved.message).toBe('session_id cannot be changed; delete the row and add another');
  });
});

describe('learn status, availability and away dates: everyone reads them, each member writes only their own', () => {
  async function aliceRows() {
    const show = await newShow(alice, bandId);
    const practice = await newPractice(alice, bandId);
    const song = await newSong(alice, bandId);
    return {
      show,
      practice,
      song,
      learn: await created(alice, 'learn_status', { band_id: bandId, song_id: song.id, status: 'learning' }),
      showAnswer: await answer(alice, show, { note: 'If I can get off work' }),
      practiceAnswer: await created(alice, 'availability', { band_id: bandId, event_id: practice.id, practice_id: practice.id, answer: 'maybe' }),
      away: await created(alice, 'unavailable_dates', { band_id: bandId, starts_on: '2027-05-03', ends_on: '2027-05-09', note: 'Tour' }),
    };
  }

  it("bob reads alice's rows, and his own rows are his (user_id is the caller's by default)", async () => {
    const { show, song, learn, showAnswer, practiceAnswer, away } = await aliceRows();
    expect([learn.user_id, showAnswer.user_id, practiceAnswer.user_id, away.user_id]).toEqual([alice.id, alice.id, alice.id, alice.id]);
    expect((await db(bob).from('learn_status').select('user_id, status').eq('song_id', song.id)).data).toEqual([{ user_id: alice.id, status: 'learning' }]);
    expect((await db(bob).from('availability').select('user_id, answer, note').eq('event_id', show.id)).data).toEqual([{ user_id: alice.id, answer: 'yes', note: 'If I can get off work' }]);
    expect((await db(bob).from('unavailable_dates').select('id, user_id').eq('id', away.id)).data).toEqual([{ id: away.id, user_id: alice.id }]);

    const mine = await answer(bob, show, { answer: 'no' });
    expect(mine).toMatchObject({ user_id: bob.id, version: 1 });
    expect((await db(bob).from('availability').update({ answer: 'maybe' }).eq('event_id', show.id).select()).data).toMatchObject([{ user_id: bob.id, answer: 'maybe', version: 2 }]);
    expect((await db(bob).from('availability').delete().eq('event_id', show.id).select()).data).toMatchObject([{ user_id: bob.id }]);
  });

  it("nobody answers for another member: bob cannot add, change or delete alice's rows, nor alice his", async () => {
    const { show, practice, song, learn, showAnswer, away } = await aliceRows();
    await refused(stack, bandId, 403, '42501', () => db(bob).from('availability').insert({ band_id: bandId, event_id: practice.id, practice_id: practice.id, user_id: alice.id, answer: 'no' }));
    await refused(stack, bandId, 403, '42501', () => db(alice).from('availability').insert({ band_id: bandId, event_id: show.id, show_id: show.id, user_id: bob.id, answer: 'yes' }));
    const otherSong = await newSong(alice, bandId);
    await refused(stack, bandId, 403, '42501', () => db(bob).from('learn_status').insert({ band_id: bandId, song_id: otherSong.id, user_id: alice.id, status: 'ready' }));
    await refused(stack, bandId, 403, '42501', () => db(bob).from('unavailable_dates').insert({ band_id: bandId, user_id: alice.id, starts_on: '2027-06-01', ends_on: '2027-06-02' }));
    // An upsert onto alice's key is an insert that conflicts into an update of her row: refused the same way.
    await refused(stack, bandId, 403, '42501', () => db(bob).from('availability').upsert({ band_id: bandId, event_id: show.id, show_id: show.id, user_id: alice.id, answer: 'no' }));

    await untouched(stack, bandId, () => db(bob).from('availability').update({ answer: 'no' }).eq('event_id', show.id).eq('user_id', alice.id).select());
    await untouched(stack, bandId, () => db(bob).from('learn_status').update({ status: 'new' }).eq('song_id', song.id).select());
    await untouched(stack, bandId, () => db(bob).from('unavailable_dates').update({ ends_on: '2027-05-04' }).eq('id', away.id).select());
    await untouched(stack, bandId, () => db(bob).from('availability').delete().eq('event_id', show.id).select());
    await untouched(stack, bandId, () => db(bob).from('learn_status').delete().eq('song_id', song.id).select());
    await untouched(stack, bandId, () => db(bob).from('unavailable_dates').delete().eq('id', away.id).select());
    expect((await sql(stack, 'select answer, version from public.availability where event_id = $1 and user_id = $2', [show.id, alice.id]))).toEqual([{ answer: showAnswer.answer, version: 1 }]);
    expect((await sql(stack, 'select status, version from public.learn_status where song_id = $1', [song.id]))).toEqual([{ status: learn.status, version: 1 }]);
  });

  it('a member cannot hand their own row to someone else or move it to another event (22023)', async () => {
    const show = await newShow(alice, bandId);
    const other = await newShow(alice, bandId);
    const song = await newSong(alice, bandId);
    await answer(bob, show);
    await created(bob, 'learn_status', { band_id: bandId, song_id: song.id, status: 'new' });
    const away = await created(bob, 'unavailable_dates', { band_id: bandId, starts_on: '2027-05-03', ends_on: '2027-05-03' });
    const moves: Array<[string, Row, Row, string]> = [
      ['availability', { user_id: alice.id }, { event_id: show.id }, 'user_id'],
      ['availability', { event_id: other.id, show_id: other.id }, { event_id: show.id }, 'event_id'],
      ['learn_status', { user_id: alice.id }, { song_id: song.id }, 'user_id'],
      ['learn_status', { song_id: (await newSong(alice, bandId)).id }, { song_id: song.id }, 'song_id'],
      ['unavailable_dates', { user_id: alice.id }, { id: away.id }, 'user_id'],
    ];
    for (const [table, set, key, column] of moves) {
      const error = await refused(stack, bandId, 400, '22023', () => db(bob).from(table).update(set).match({ ...key, user_id: bob.id }));
      expect(error.message).toBe(`${column} cannot be changed; delete the row and add another`);
    }
  });

  it('carol and anon read none of them and write nothing, not even rows of their own', async () => {
    const { show, practice, song, away } = await aliceRows();
    for (const [client, forbidden] of [[db(carol), 403], [anon, 401]] as const) {
      for (const table of ['learn_status', 'availability', 'unavailable_dates']) {
        expect(await selectAll(client, table)).toMatchObject({ status: 200, data: [] });
      }
      await refused(stack, bandId, forbidden, '42501', () => client.from('availability').insert({ band_id: bandId, event_id: show.id, show_id: show.id, answer: 'yes', ...(client === anon ? { user_id: alice.id } : {}) }));
      await refused(stack, bandId, forbidden, '42501', () => client.from('availability').insert({ band_id: bandId, event_id: practice.id, practice_id: practice.id, user_id: alice.id, answer: 'no' }));
      await refused(stack, bandId, forbidden, '42501', () => client.from('learn_status').insert({ band_id: bandId, song_id: song.id, user_id: carol.id, status: 'ready' }));
      await refused(stack, bandId, forbidden, '42501', () => client.from('unavailable_dates').insert({ band_id: bandId, user_id: carol.id, starts_on: '2027-06-01', ends_on: '2027-06-01' }));
      await untouched(stack, bandId, () => client.from('availability').update({ answer: 'no' }).eq('event_id', show.id).select());
      await untouched(stack, bandId, () => client.from('learn_status').delete().eq('song_id', song.id).select());
      await untouched(stack, bandId, () => client.from('unavailable_dates').delete().eq('id', away.id).select());
    }
  });
});

describe('calendar realtime', () => {
  it('bob hears every change of shows and answers on the private shows channel; carol is refused at join and hears nothing', async () => {
    const bobEvents: Change[] = [];
    const carolEvents: Change[] = [];
    const tables = ['shows', 'availability'];
    const [b, c] = [listen(bob, `shows:${bandId}`, bandId, tables, bobEvents), listen(carol, `shows:${bandId}`, bandId, tables, carolEvents)];
    const [joined, refusedJoin] = [await subscribed(b.channel), await subscribed(c.channel)];
    expect(joined.status).toBe('SUBSCRIBED');
    expect(refusedJoin.status).toBe('CHANNEL_ERROR');
    expect(refusedJoin.error?.message).toMatch(/Unauthorized: You do not have permissions to read from this Channel topic/);
    await waitFor(() => b.ready(), 'bob’s postgres_changes subscription');

    // One write at a time: Realtime checks RLS when it relays an INSERT or UPDATE, against the row as it is then.
    const heard = (n: number) => waitFor(() => bobEvents.length >= n, `bob’s event number ${n}`);
    const show = await newShow(alice, bandId, { title: 'Secret gig' });
    await heard(1);
    expect((await db(alice).from('shows').update({ status: 'confirmed' }).eq('id', show.id)).error).toBeNull();
    await heard(2);
    await answer(alice, show, { note: 'Private note' });
    await heard(3);
    expect((await db(alice).from('availability').update({ answer: 'no' }).eq('event_id', show.id)).error).toBeNull();
    await heard(4);
    expect((await db(alice).from('shows').delete().eq('id', show.id)).error).toBeNull(); // takes the answer with it
    await heard(6);
    const seen = (events: Change[]) => events.map(({ table, eventType, new: row, old }) => ({ table, eventType, row, old }));
    expect(seen(bobEvents).slice(0, 4)).toMatchObject([
      { table: 'shows', eventType: 'INSERT', row: { id: show.id, title: 'Secret gig', status: 'tentative' } },
      { table: 'shows', eventType: 'UPDATE', row: { id: show.id, status: 'confirmed', version: 2 } },
      { table: 'availability', eventType: 'INSERT', row: { event_id: show.id, user_id: alice.id, answer: 'yes', note: 'Private note' } },
      { table: 'availability', eventType: 'UPDATE', row: { event_id: show.id, answer: 'no', version: 2 } },
    ]);
    const deletes = (events: Change[]) => events.filter((event) => event.eventType === 'DELETE').map(({ table, old }) => ({ table, old })).sort((x, y) => x.table.localeCompare(y.table));
    expect(deletes(bobEvents)).toEqual([
      { table: 'availability', old: { event_id: show.id, user_id: alice.id } },
      { table: 'shows', old: { id: show.id } },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(bobEvents).toHaveLength(6);
    expect(carolEvents).toEqual([]);
    await Promise.all([bob.client.removeChannel(b.channel), carol.client.removeChannel(c.channel)]);
  });

  it('why the live channels are private: on a public channel carol would hear the bare ids of deletes', async () => {
    // Realtime cannot check RLS for a DELETE (the row is gone), so every subscriber of a public channel whose
    // filter matches gets it, reduced to the primary key. A private channel admits only the band's members.
    const carolEvents: Change[] = [];
    const c = listen(carol, `shows:${bandId}`, bandId, ['shows'], carolEvents, false);
    expect((await subscribed(c.channel)).status).toBe('SUBSCRIBED');
    await waitFor(() => c.ready(), 'carol’s public postgres_changes subscription');
    const show = await newShow(alice, bandId, { title: 'Another secret gig' });
    expect((await db(alice).from('shows').delete().eq('id', show.id)).error).toBeNull();
    await waitFor(() => carolEvents.length >= 1, 'the delete on the public channel');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(carolEvents.map(({ eventType, old }) => ({ eventType, old }))).toEqual([{ eventType: 'DELETE', old: { id: show.id } }]);
    await carol.client.removeChannel(c.channel);
  });
});
