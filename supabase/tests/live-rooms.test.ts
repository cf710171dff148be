import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PracticeSummary } from '@/lib/database.types';
import { bandOfThreeAndAnOutsider, created, db, listen, newPractice, type Change, type Row } from './calendar-support';
import { atTheSameInstant, openRoom, ok, practiceWithAgenda, refusedRoom, roomRow, rpc, showWithSetlist, sleep, untilLeaseAge } from './room-support';
import { sql, subscribed, waitFor, type User } from './support';

// The live rooms (migrations *_live_rooms.sql and *_live_room_functions.sql), driven as the band's members through
// PostgREST and Realtime: one leader moves the room, everyone else follows, and nobody else can move it by any path.

const stack = inject('stack');
// alice owns the band, bob and carol are members, dave is in a band of his own only, anon never signed in.
let alice: User, bob: User, carol: User, dave: User, anon: SupabaseClient;
let bandId: string, daveBand: string;

let leave: () => Promise<unknown>;

beforeAll(async () => {
  ({ alice, bob, carol, dave, anon, bandId, daveBand, leave } = await bandOfThreeAndAnOutsider(stack));
});

afterAll(() => leave());

/** A practice of the band with songs A (a0), B (a1) and C (a2), inserted out of agenda order. */
const threeSongPractice = () => practiceWithAgenda(alice, bandId, [['a1', 'Song B'], ['a2', 'Song C'], ['a0', 'Song A']]);

describe('live rooms', () => {
  it('live rooms: the first member to open a practice room leads on its first agenda item, the next joins it; outsiders get 404 and read nothing', async () => {
    const { practice, items } = await threeSongPractice();
    const opened = await openRoom(alice, 'practice', practice);
    expect(opened).toMatchObject({ band_id: bandId, kind: 'practice', practice_id: practice.id, leader_id: alice.id, item_id: items.a0!.id, ended_at: null });
    expect(await openRoom(bob, 'practice', practice)).toMatchObject({ id: opened.id, leader_id: alice.id, item_id: items.a0!.id });
    await created(bob, 'practice_notes', { band_id: bandId, practice_id: practice.id, item_id: items.a0!.id, body: 'Bridge drags' });

    await refusedRoom(stack, opened.id, 404, 'PT404', () => rpc(dave, 'room_open', { p_kind: 'practice', p_event_id: practice.id }));
    await refusedRoom(stack, opened.id, 401, '42501', () => anon.rpc('room_open', { p_kind: 'practice', p_event_id: practice.id }));
    for (const client of [db(dave), anon]) {
      for (const table of ['live_rooms', 'practice_notes']) {
        expect(await client.from(table).select().eq('band_id', bandId), table).toMatchObject({ status: 200, data: [] });
      }
    }
    // The same 404 for a practice that does not exist, so outsiders cannot tell the two apart.
    const missing = await rpc(alice, 'room_open', { p_kind: 'practice', p_event_id: crypto.randomUUID() });
    expect({ status: missing.status, code: missing.error?.code }).toEqual({ status: 404, code: 'PT404' });

    // Two members opening a fresh practice in the same instant end up in one room with one leader.
    const { practice: fresh } = await threeSongPractice();
    const both = await Promise.all([openRoom(bob, 'practice', fresh), openRoom(carol, 'practice', fresh)]);
    expect(both[1]).toMatchObject({ id: both[0].id, leader_id: both[0].leader_id });
    expect([bob.id, carol.id]).toContain(both[0].leader_id);
  });

  it('live rooms: a show opens on the first song of its setlist, skipping breaks; a show without a setlist opens no room', async () => {
    const bare = await showWithSetlist(alice, bandId, []);
    const refused = await rpc(alice, 'room_open', { p_kind: 'show', p_event_id: bare.show.id });
    expect({ status: refused.status, code: refused.error?.code, message: refused.error?.message })
      .toEqual({ status: 400, code: '22023', message: 'This show has no setlist yet' });
    expect(await sql(stack, 'select id from public.live_rooms where show_id = $1', [bare.show.id])).toEqual([]);

    const { show, items } = await showWithSetlist(alice, bandId, [['a2', 'song'], ['a0', 'break'], ['a1', 'song']]);
    expect(await openRoom(bob, 'show', show)).toMatchObject({ kind: 'show', show_id: show.id, leader_id: bob.id, item_id: items.a1!.id });
  });

  it('live rooms: only the leader moves the room; nobody writes live_rooms or reads its leases through the API', async () => {
    const { practice, items } = await threeSongPractice();
    const room = await openRoom(alice, 'practice', practice);
    const error = await refusedRoom(stack, room.id, 403, '42501', () => rpc(bob, 'room_move', { p_room_id: room.id, p_item_id: items.a1!.id }));
    expect(error.message).toBe('Only the leader moves the room');
    await refusedRoom(stack, room.id, 403, '42501', () => db(bob).from('live_rooms').update({ item_id: items.a2!.id }).eq('id', room.id));
    await refusedRoom(stack, room.id, 403, '42501', () => db(bob).from('live_rooms').delete().eq('id', room.id));
    await refusedRoom(stack, room.id, 403, '42501', () => db(alice).from('live_rooms').update({ leader_id: bob.id }).eq('id', room.id));
    const other = await newPractice(bob, bandId);
    await refusedRoom(stack, room.id, 403, '42501', () => db(bob).from('live_rooms').insert({ band_id: bandId, kind: 'practice', practice_id: other.id, leader_id: bob.id }));
    expect(await sql(stack, 'select id from public.live_rooms where practice_id = $1', [other.id])).toEqual([]);

    const leases = await sql(stack, 'select * from public.live_room_leases where room_id = $1', [room.id]);
    expect(leases).toHaveLength(1);
    await refusedRoom(stack, room.id, 403, '42501', () => db(alice).from('live_room_leases').select());
    await refusedRoom(stack, room.id, 403, '42501', () => db(bob).from('live_room_leases').update({ leader_id: bob.id }).eq('room_id', room.id));
    await refusedRoom(stack, room.id, 403, '42501', () => db(bob).from('live_room_leases').insert({ room_id: room.id, leader_id: bob.id }));
    expect(await sql(stack, 'select * from public.live_room_leases where room_id = $1', [room.id])).toEqual(leases);

    const moved = await ok(alice, 'room_move', { p_room_id: room.id, p_item_id: items.a1!.id });
    expect(moved).toMatchObject({ item_id: items.a1!.id, moves: 1, version: room.version + 1 });
  });

  it('live rooms: the leader cannot move to an item outside the room: another practice, another band, a made-up id, a break, null', async () => {
    const { practice, items } = await threeSongPractice();
    const room = await openRoom(alice, 'practice', practice);
    const elsewhere = await practiceWithAgenda(alice, bandId, [['a0', 'Elsewhere']]);
    const otherBand = await practiceWithAgenda(dave, daveBand, [['a0', 'Not ours']]);
    const stage = await showWithSetlist(alice, bandId, [['a0', 'song'], ['a1', 'break']]);
    const outside = [elsewhere.items.a0!.id, otherBand.items.a0!.id, crypto.randomUUID(), stage.items.a0!.id, null];
    for (const item of outside) {
      const error = await refusedRoom(stack, room.id, 400, '22023', () => rpc(alice, 'room_move', { p_room_id: room.id, p_item_id: item }));
      expect(error.message).toBe('That item is not on this room\'s agenda');
    }
    const stageRoom = await openRoom(alice, 'show', stage.show);
    for (const item of [stage.items.a1!.id, items.a0!.id, null]) {
      const error = await refusedRoom(stack, stageRoom.id, 400, '22023', () => rpc(alice, 'room_move', { p_room_id: stageRoom.id, p_item_id: item }));
      expect(error.message).toBe('That item is not on this room\'s setlist');
    }
  });

  it('live rooms: leadership is taken only from a leader who stopped beating, by exactly one member, and handed only to members', async () => {
    const { practice, items } = await threeSongPractice();
    const room = await openRoom(alice, 'practice', practice);
    expect(await sql(stack, 'select public.room_lease_seconds() as s')).toEqual([{ s: 8 }]);
    const taken = await refusedRoom(stack, room.id, 409, 'PT409', () => rpc(bob, 'room_take_lead', { p_room_id: room.id }));
    expect(taken.message).toBe('alice leads and is still here');

    // A heartbeat 5 s in carries the lease past the 8 s that the opening alone would have given.
    await untilLeaseAge(stack, room.id, 5);
    expect((await rpc(alice, 'room_heartbeat', { p_room_id: room.id })).error).toBeNull();
    await refusedRoom(stack, room.id, 403, '42501', () => rpc(bob, 'room_heartbeat', { p_room_id: room.id }));
    await untilLeaseAge(stack, room.id, 3.5);
    expect((await sql<{ age: number }>(stack, 'select extract(epoch from now() - started_at)::float8 as age from public.live_rooms where id = $1', [room.id]))[0]!.age).toBeGreaterThan(8);
    await refusedRoom(stack, room.id, 409, 'PT409', () => rpc(bob, 'room_take_lead', { p_room_id: room.id }));

    // alice went quiet: bob and carol reach for the lead in the same instant, and the row lock lets one through.
    await untilLeaseAge(stack, room.id, 8.3);
    await refusedRoom(stack, room.id, 404, 'PT404', () => rpc(dave, 'room_take_lead', { p_room_id: room.id }));
    const race = await atTheSameInstant(stack, room.id, [bob, carol].map((user) => () => rpc(user, 'room_take_lead', { p_room_id: room.id })));
    const winner = race[0]!.error ? carol : bob;
    const loser = race.find((answered) => answered.error)!;
    expect(race.filter((answered) => !answered.error).map((answered) => (answered.data as Row).leader_id)).toEqual([winner.id]);
    expect({ status: loser.status, code: loser.error?.code, message: loser.error?.message })
      .toEqual({ status: 409, code: 'PT409', message: `${winner === bob ? 'bob' : 'carol'} leads and is still here` });
    expect((await roomRow(stack, room.id)).leader_id).toBe(winner.id);
    await refusedRoom(stack, room.id, 403, '42501', () => rpc(alice, 'room_move', { p_room_id: room.id, p_item_id: items.a1!.id }));

    await refusedRoom(stack, room.id, 400, '22023', () => rpc(winner, 'room_hand_lead', { p_room_id: room.id, p_to: dave.id }));
    await refusedRoom(stack, room.id, 403, '42501', () => rpc(alice, 'room_hand_lead', { p_room_id: room.id, p_to: alice.id }));
    expect(await ok(winner, 'room_hand_lead', { p_room_id: room.id, p_to: alice.id })).toMatchObject({ leader_id: alice.id });
    await refusedRoom(stack, room.id, 403, '42501', () => rpc(winner, 'room_move', { p_room_id: room.id, p_item_id: items.a2!.id }));
    // The handed lead comes with a fresh lease: the old leader cannot take it straight back.
    await refusedRoom(stack, room.id, 409, 'PT409', () => rpc(winner, 'room_take_lead', { p_room_id: room.id }));
    expect(await ok(alice, 'room_move', { p_room_id: room.id, p_item_id: items.a2!.id })).toMatchObject({ item_id: items.a2!.id });
  });

  it('live rooms: followers hear the leader’s moves on room:<band>; a hand-sent "move" broadcast moves nothing; outsiders hear nothing', async () => {
    const { practice, items } = await threeSongPractice();
    const room = await openRoom(alice, 'practice', practice);
    const topic = `room:${bandId}`;
    const bobEvents: Change[] = [];
    const daveEvents: Change[] = [];
    const follower = listen(bob, topic, bandId, ['live_rooms'], bobEvents);
    const heardBroadcasts: unknown[] = [];
    follower.channel.on('broadcast', { event: 'move' }, ({ payload }) => heardBroadcasts.push(payload));
    const spy = listen(dave, topic, bandId, ['live_rooms'], []);
    // dave's own channel, on a topic of no band, is admitted; Realtime's RLS check must still keep the band's rows from him.
    const spyPublic = listen(dave, 'room-lobby', bandId, ['live_rooms'], daveEvents, false);
    const impostor = carol.client.channel(topic, { config: { private: true } });
    expect((await subscribed(follower.channel)).status).toBe('SUBSCRIBED');
    const refusedJoin = await subscribed(spy.channel);
    expect(refusedJoin.status).toBe('CHANNEL_ERROR');
    expect(refusedJoin.error?.message).toMatch(/Unauthorized: You do not have permissions to read from this Channel topic/);
    expect((await subscribed(spyPublic.channel)).status).toBe('SUBSCRIBED');
    expect((await subscribed(impostor)).status).toBe('SUBSCRIBED');
    await waitFor(() => follower.ready() && spyPublic.ready(), 'the postgres_changes subscriptions');

    await ok(alice, 'room_move', { p_room_id: room.id, p_item_id: items.a2!.id });
    await waitFor(() => bobEvents.length > 0, 'bob hearing the move');
    expect(bobEvents.map(({ eventType, new: row }) => ({ eventType, id: (row as Row).id, item_id: (row as Row).item_id })))
      .toEqual([{ eventType: 'UPDATE', id: room.id, item_id: items.a2!.id }]);

    const before = await roomRow(stack, room.id);
    expect(await impostor.send({ type: 'broadcast', event: 'move', payload: { room_id: room.id, item_id: items.a1!.id } })).toBe('ok');
    await waitFor(() => heardBroadcasts.length === 1, 'bob receiving carol’s hand-made broadcast');
    // Proving that nothing follows needs a wait: long enough for a row change to reach bob (tens of ms here).
    await sleep(1000);
    expect(await roomRow(stack, room.id)).toEqual(before);
    expect(bobEvents).toHaveLength(1);
    expect(daveEvents).toEqual([]);
  });

  it('live rooms: ending a practice room stores its summary in agenda order with times and notes; only the room writes it', async () => {
    const { practice, items } = await threeSongPractice();
    const room = await openRoom(alice, 'practice', practice);
    await created(bob, 'practice_notes', { band_id: bandId, practice_id: practice.id, item_id: items.a0!.id, body: 'Count in slower' });
    await sleep(1100); // the first item needs a measurable time on it
    await ok(alice, 'room_move', { p_room_id: room.id, p_item_id: items.a2!.id });
    await created(carol, 'practice_notes', { band_id: bandId, practice_id: practice.id, item_id: items.a2!.id, body: 'Ending: all stop' });
    await created(alice, 'practice_notes', { band_id: bandId, practice_id: practice.id, item_id: items.a2!.id, body: 'Harmony in chorus 2' });
    await ok(alice, 'room_move', { p_room_id: room.id, p_item_id: items.a1!.id });
    const ended = await ok(alice, 'room_end', { p_room_id: room.id });
    expect(ended).toMatchObject({ leader_id: null, item_started_at: null, item_id: items.a1!.id });
    expect(ended.ended_at).not.toBeNull();

    const stored = await sql<{ summary: PracticeSummary }>(stack, 'select summary from public.practice_sessions where id = $1', [practice.id]);
    const summary = stored[0]!.summary;
    expect(new Date(summary.ended_at).getTime()).toBe(new Date(ended.ended_at as string).getTime());
    expect(summary.items.map(({ item_id, title, notes }) => ({ item_id, title, notes }))).toEqual([
      { item_id: items.a0!.id, title: 'Song A', notes: ['Count in slower'] },
      { item_id: items.a1!.id, title: 'Song B', notes: [] },
      { item_id: items.a2!.id, title: 'Song C', notes: ['Ending: all stop', 'Harmony in chorus 2'] },
    ]);
    expect(summary.items[0]!.seconds).toBeGreaterThanOrEqual(1);
    expect(summary.items[0]!.song_id).toBe(items.a0!.song_id);

    await refusedRoom(stack, room.id, 400, '22023', () => rpc(alice, 'room_move', { p_room_id: room.id, p_item_id: items.a0!.id }));
    await refusedRoom(stack, room.id, 400, '22023', () => rpc(bob, 'room_take_lead', { p_room_id: room.id }));
    const forged = await db(bob).from('practice_sessions').update({ summary: { ended_at: ended.ended_at, items: [] } }).eq('id', practice.id);
    expect({ status: forged.status, code: forged.error?.code }).toEqual({ status: 403, code: '42501' });
    const moved = await db(bob).from('practice_sessions').update({ location: 'Room 4' }).eq('id', practice.id).select('location, summary').single();
    expect(moved.data).toEqual({ location: 'Room 4', summary });

    const reopened = await openRoom(bob, 'practice', practice);
    expect(reopened).toMatchObject({ id: room.id, ended_at: null, leader_id: bob.id, item_id: items.a1!.id, seconds: ended.seconds });
    expect(reopened.seconds[items.a0!.id as string]).toBeGreaterThanOrEqual(1);
  });

  it('live rooms: notes are 1-500 trimmed characters, written by members as themselves, deleted only by their author, never edited', async () => {
    const { practice, items } = await threeSongPractice();
    const note = (user: User, fields: Row) => db(user).from('practice_notes').insert({ band_id: bandId, practice_id: practice.id, item_id: items.a0!.id, ...fields }).select();
    const notes = () => sql(stack, 'select * from public.practice_notes where practice_id = $1 order by created_at', [practice.id]);
    for (const body of ['', '   ', ' padded', 'x'.repeat(501)]) {
      expect((await note(bob, { body })).error?.code, JSON.stringify(body)).toBe('23514');
    }
    expect((await note(bob, { body: 'x'.repeat(500) })).error).toBeNull();
    expect((await note(bob, { body: 'In alice’s name', author_id: alice.id })).error?.code).toBe('42501');
    expect((await note(dave, { body: 'From outside' })).error?.code).toBe('42501');
    // A note is about an item of its own practice: another practice's or another band's item would show up in
    // that practice's summary.
    const elsewhere = await practiceWithAgenda(alice, bandId, [['a0', 'Elsewhere']]);
    expect((await note(bob, { body: 'Wrong practice', item_id: elsewhere.items.a0!.id })).error?.code).toBe('23503');
    const daves = await practiceWithAgenda(dave, daveBand, [['a0', 'Dave song']]);
    const foreign = await db(dave).from('practice_notes').insert({ band_id: daveBand, practice_id: daves.practice.id, item_id: items.a0!.id, body: 'Theirs' });
    expect(foreign.error?.code).toBe('23503');
    const mine = (await note(bob, { body: 'Watch the tempo' })).data as Row[];
    const kept = await notes();
    expect(kept.map((row) => (row as Row).author_id)).toEqual([bob.id, bob.id]);

    expect(await db(alice).from('practice_notes').delete().eq('id', mine[0]!.id).select()).toMatchObject({ status: 200, data: [] });
    const edit = await db(bob).from('practice_notes').update({ body: 'Rewritten' }).eq('id', mine[0]!.id);
    expect({ status: edit.status, code: edit.error?.code }).toEqual({ status: 403, code: '42501' });
    expect(await notes()).toEqual(kept);
    expect((await db(bob).from('practice_notes').delete().eq('id', mine[0]!.id).select()).data).toHaveLength(1);
    expect(await notes()).toHaveLength(1);
  });

  it('live rooms: taking the shown item off the agenda leaves the room on no item until the leader moves on', async () => {
    const { practice, items } = await threeSongPractice();
    const room = await openRoom(alice, 'practice', practice);
    const note = await created(bob, 'practice_notes', { band_id: bandId, practice_id: practice.id, item_id: items.a0!.id, body: 'Drop it' });
    expect((await db(bob).from('practice_items').delete().eq('id', items.a0!.id).select()).data).toHaveLength(1);
    expect(await roomRow(stack, room.id)).toMatchObject({ item_id: null, item_started_at: null, version: room.version + 1 });
    expect(await sql(stack, 'select item_id, body from public.practice_notes where id = $1', [note.id])).toEqual([{ item_id: null, body: 'Drop it' }]);

    // Ended on no item, the room reopens on the first remaining item, and that item's time runs from then.
    await ok(alice, 'room_end', { p_room_id: room.id });
    const reopened = await openRoom(bob, 'practice', practice);
    expect(reopened).toMatchObject({ item_id: items.a1!.id, leader_id: bob.id });
    expect(reopened.item_started_at).not.toBeNull();
    expect(await ok(bob, 'room_move', { p_room_id: room.id, p_item_id: items.a2!.id })).toMatchObject({ item_id: items.a2!.id });
    // Deleting the practice takes the room with it (the cascade also fires the trigger above on its items).
    expect((await db(alice).from('practice_sessions').delete().eq('id', practice.id).select()).data).toHaveLength(1);
    expect(await sql(stack, 'select id from public.live_rooms where id = $1', [room.id])).toEqual([]);
  });

  it('live rooms: live_rooms and practice_notes are published like the other live tables', async () => {
    const rows = await sql<{ table: string; replident: string; rls: boolean }>(
      stack,
      `select c.relname as table, c.relreplident::text as replident, c.relrowsecurity as rls
         from pg_publication_tables p join pg_class c on c.relname = p.tablename join pg_namespace n on n.oid = c.relnamespace and n.nspname = p.schemaname
        where p.pubname = 'supabase_realtime' and p.schemaname = 'public' and p.tablename in ('live_rooms', 'practice_notes', 'live_room_leases')
        order by 1`,
    );
    expect(rows).toEqual([{ table: 'live_rooms', replident: 'f', rls: true }, { table: 'practice_notes', replident: 'f', rls: true }]);
  });
});
