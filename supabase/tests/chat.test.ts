import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bandOfThreeAndAnOutsider, created, db, listen, newShow, type Change, type Row } from './calendar-support';
import { change, refusedMessage, send, sendTogether, sent, stored, type Answer } from './chat-support';
import { band, sql, subscribed, waitFor, type User } from './support';

// Band chat (migration *_chat.sql) driven as the band's members through PostgREST and Realtime: who reads and
// writes messages, what a message may hold, the database's rate limit, and live delivery on chat:<band>.
// History pages and unread counts are in chat-history.test.ts.

const stack = inject('stack');
// alice owns the band, bob and carol are members, dave is in a band of his own only, anon never signed in.
let alice: User, bob: User, carol: User, dave: User, anon: SupabaseClient;
let bandId: string, daveBand: string;

let leave: () => Promise<unknown>;

beforeAll(async () => {
  ({ alice, bob, carol, dave, anon, bandId, daveBand, leave } = await bandOfThreeAndAnOutsider(stack));
});

afterAll(() => leave());

const status = (answered: Answer) => ({ status: answered.status, code: answered.error?.code });

describe('band chat', () => {
  it('chat: members read their band’s messages; outsiders read none and cannot send; nobody sends as someone else', async () => {
    const message = await sent(bob, bandId, 'Can we drop the bridge in Song X?');
    expect(message).toMatchObject({ author_id: bob.id, band_id: bandId, version: 1, edited_at: null, deleted_at: null });
    expect((await db(alice).from('messages').select('id').eq('band_id', bandId)).data).toEqual([{ id: message.id }]);
    for (const client of [db(dave), anon]) {
      expect(await client.from('messages').select().eq('band_id', bandId)).toMatchObject({ status: 200, data: [] });
    }
    expect(status(await send(dave, bandId, 'Let me in'))).toEqual({ status: 403, code: '42501' });
    expect(status(await anon.from('messages').insert({ band_id: bandId, body: 'Hi' }))).toEqual({ status: 401, code: '42501' });
    expect(status(await send(bob, bandId, 'Signed: alice', { author_id: alice.id }))).toEqual({ status: 403, code: '42501' });
    // A server-side stamp cannot be sent either: a message is never born edited or deleted.
    const stamped = await sent(carol, bandId, 'Fresh', { edited_at: '2020-01-01T00:00:00Z', created_at: '2020-01-01T00:00:00Z' });
    expect(stamped.edited_at).toBeNull();
    expect(new Date(stamped.created_at).getFullYear()).toBeGreaterThan(2020);
    expect((await sql(stack, 'select author_id from public.messages where band_id = $1 order by created_at', [bandId])).map((row) => (row as Row).author_id))
      .toEqual([bob.id, carol.id]);
  });

  it('chat: a message is about at most one item of its own band; the item’s deletion keeps the message without its link', async () => {
    const song = await created(alice, 'songs', { band_id: bandId, title: 'Song X' });
    const setlist = await created(alice, 'setlists', { band_id: bandId, name: 'Friday' });
    const show = await newShow(alice, bandId);
    const theirs = await created(dave, 'songs', { band_id: daveBand, title: 'Not ours' });
    expect(status(await send(bob, bandId, 'About their song', { song_id: theirs.id }))).toEqual({ status: 409, code: '23503' });
    expect(status(await send(bob, bandId, 'About a ghost', { show_id: crypto.randomUUID() }))).toEqual({ status: 409, code: '23503' });
    expect(status(await send(bob, bandId, 'About two things', { song_id: song.id, setlist_id: setlist.id }))).toEqual({ status: 400, code: '23514' });
    const onSong = await sent(bob, bandId, 'Bridge?', { song_id: song.id });
    const onShow = await sent(bob, bandId, 'Who brings the PA?', { show_id: show.id });
    await refusedMessage(stack, onShow.id, 400, '22023', () => change(bob, onShow.id, { show_id: null }));
    await refusedMessage(stack, onSong.id, 400, '22023', () => change(bob, onSong.id, { song_id: null, setlist_id: setlist.id }));

    expect((await db(alice).from('songs').delete().eq('id', song.id).select()).data).toHaveLength(1);
    expect(await stored(stack, onSong.id)).toMatchObject({ song_id: null, band_id: bandId, body: 'Bridge?', version: 2 });
  });

  it('chat: 1 to 5,000 characters, not only whitespace', async () => {
    for (const body of ['', '   ', '\n\t ', 'x'.repeat(5001)]) {
      expect(status(await send(carol, bandId, body)), JSON.stringify(body.slice(0, 10))).toEqual({ status: 400, code: '23514' });
    }
    expect((await sent(carol, bandId, 'x'.repeat(5000))).body).toHaveLength(5000);
    expect((await sent(carol, bandId, '  ok  ')).body).toBe('  ok  ');
  });

  it('chat: only the author edits and deletes; deleting keeps the row with an empty body; nobody hard-deletes', async () => {
    const message = await sent(bob, bandId, 'Rehearsal at 7?');
    expect(await db(alice).from('messages').update({ body: 'Hijacked' }).eq('id', message.id).select()).toMatchObject({ status: 200, data: [] });
    expect(await db(dave).from('messages').update({ deleted_at: new Date().toISOString() }).eq('id', message.id).select()).toMatchObject({ status: 200, data: [] });
    expect(await stored(stack, message.id)).toMatchObject({ body: 'Rehearsal at 7?', version: 1 });

    const edited = (await change(bob, message.id, { body: 'Rehearsal at 8?' })).data as Row[];
    expect(edited[0]).toMatchObject({ body: 'Rehearsal at 8?', version: 2, deleted_at: null });
    expect(edited[0]!.edited_at).not.toBeNull();
    const tooFast = await refusedMessage(stack, message.id, 429, 'PT429', () => change(bob, message.id, { body: 'Rehearsal at 9?' }));
    expect(tooFast.message).toBe('You are editing this message too fast');
    for (const fields of [{ author_id: alice.id }, { band_id: daveBand }, { created_at: '2020-01-01T00:00:00Z' }]) {
      await refusedMessage(stack, message.id, 400, '22023', () => change(bob, message.id, fields));
    }
    for (const user of [bob, alice]) {
      await refusedMessage(stack, message.id, 403, '42501', () => db(user).from('messages').delete().eq('id', message.id).select());
    }

    // Any deleted_at deletes, stamped with the server's clock; the text is gone from the row (and from the event).
    const deleted = ((await change(bob, message.id, { deleted_at: '2000-01-01T00:00:00Z' })).data as Row[])[0]!;
    expect(deleted).toMatchObject({ id: message.id, body: '', version: 3 });
    expect(new Date(deleted.deleted_at as string).getFullYear()).toBeGreaterThan(2000);
    expect((await db(alice).from('messages').select('id, body, deleted_at').eq('id', message.id)).data).toEqual([{ id: message.id, body: '', deleted_at: deleted.deleted_at }]);
    for (const fields of [{ body: 'Back again' }, { deleted_at: null }]) {
      await refusedMessage(stack, message.id, 400, '22023', () => change(bob, message.id, fields));
    }
  });

  it('chat: the 21st message in 10 s is refused with 429 PT429, even when sent all at once, while another member is not slowed', async () => {
    const fresh = await band(stack, alice, [[bob, 'member'], [carol, 'member']]);
    const burst = await sendTogether(stack, 16, Array.from({ length: 25 }, (_, i) => () => send(carol, fresh, `Burst ${i}`)));
    expect(burst.filter((answered) => !answered.error)).toHaveLength(20);
    for (const refused of burst.filter((answered) => answered.error)) {
      expect({ ...status(refused), message: refused.error?.message, hint: refused.error?.hint }).toEqual({
        status: 429,
        code: 'PT429',
        message: 'You are sending messages too fast',
        hint: 'Wait a few seconds and send again.',
      });
    }
    expect(status(await send(carol, fresh, 'One more'))).toEqual({ status: 429, code: 'PT429' });
    expect((await sent(bob, fresh, 'I can still talk')).author_id).toBe(bob.id);
    // The limit is per band: carol is not slowed in another band.
    expect((await sent(carol, bandId, 'Elsewhere')).author_id).toBe(carol.id);
    expect(await sql(stack, 'select author_id, count(*)::int as n from public.messages where band_id = $1 group by 1 order by 2', [fresh]))
      .toEqual([{ author_id: bob.id, n: 1 }, { author_id: carol.id, n: 20 }]);
  });

  it('chat: members hear a message and its deletion on chat:<band>; an outsider’s join is refused', async () => {
    const topic = `chat:${bandId}`;
    const events: Change[] = [];
    const member = listen(bob, topic, bandId, ['messages'], events);
    const spy = listen(dave, topic, bandId, ['messages'], []);
    expect((await subscribed(member.channel)).status).toBe('SUBSCRIBED');
    const refusedJoin = await subscribed(spy.channel);
    expect(refusedJoin.status).toBe('CHANNEL_ERROR');
    expect(refusedJoin.error?.message).toMatch(/Unauthorized: You do not have permissions to read from this Channel topic/);
    await waitFor(member.ready, 'Subscribed to PostgreSQL');

    const message = await sent(alice, bandId, 'Who brings the PA on Friday?');
    await change(alice, message.id, { deleted_at: new Date().toISOString() });
    await waitFor(() => events.length >= 2, 'bob hearing the message and its deletion');
    expect(events.map(({ eventType, new: row }) => ({ eventType, id: (row as Row).id, body: (row as Row).body, deleted: (row as Row).deleted_at !== null })))
      .toEqual([
        { eventType: 'INSERT', id: message.id, body: 'Who brings the PA on Friday?', deleted: false },
        { eventType: 'UPDATE', id: message.id, body: '', deleted: true },
      ]);
  });
});
