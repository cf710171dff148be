import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isIanaZone, wallClockToInstant } from '@/lib/calendar/zoned';
import { answer, CALENDAR_TABLES, contents, created, db, newItem, newPractice, newShow, newSong, PRACTICE, refused, SHOW, type Row } from './calendar-support';
import { band, signUp, sql, type User } from './support';

const stack = inject('stack');
// alice is in both bands; bob only in the first.
let alice: User, bob: User;
let bandId: string, otherBandId: string;

beforeAll(async () => {
  [alice, bob] = await Promise.all([signUp(stack, 'alice'), signUp(stack, 'bob')]);
  [bandId, otherBandId] = await Promise.all([band(stack, alice, [[bob, 'member']]), band(stack, alice)]);
});

afterAll(async () => {
  await Promise.all([alice, bob].map((user) => user.client.removeAllChannels()));
});

const insertShow = (fields: Row) => () => db(alice).from('shows').insert({ band_id: bandId, ...SHOW, ...fields });
const insertPractice = (fields: Row) => () => db(alice).from('practice_sessions').insert({ band_id: bandId, ...PRACTICE, ...fields });

describe('bad input is refused with the PostgREST status and code, and nothing is written', () => {
  it('shows: title, times in order and within a day, zone, fee and currency', async () => {
    const bad: Row[] = [
      { title: '' },
      { title: 'x'.repeat(121) },
      { title: ' Padded' },
      { set_end_at: '2027-03-27T20:59:00Z' }, // before the show starts
      { set_end_at: SHOW.starts_at }, // a set ends after it starts
      { set_start_at: '2027-03-27T22:00:00Z', set_end_at: '2027-03-27T21:30:00Z' },
      { soundcheck_at: '2027-03-27T19:00:00Z', doors_at: '2027-03-27T18:30:00Z' },
      { load_in_at: '2027-03-27T17:00:00Z', soundcheck_at: '2027-03-27T16:00:00Z' },
      { doors_at: '2027-03-27T21:00:00Z', set_start_at: '2027-03-27T20:00:00Z' },
      { load_in_at: '2027-03-26T20:00:00Z', set_end_at: '2027-03-27T22:00:00Z' }, // 26 hours from load-in to the end
      ...['CET', 'UTC+3', 'Mars/Base', 'PST8PDT', 'Europe/Lisbon+3', 'Mars/Base3', 'Etc/GMT+13', 'Etc/GMT+99', 'europe/lisbon', ''].map((time_zone) => ({ time_zone })),
      { fee_cents: -500 },
      { fee_cents: 1e14 },
      { fee_cents: 1_000_000_001 },
      { currency: 'eur' },
      { currency: 'EURO' },
      { status: 'maybe' },
    ];
    for (const fields of bad) {
      await refused(stack, bandId, 400, '23514', insertShow(fields)).catch((error: unknown) => {
        throw new Error(`${JSON.stringify(fields)} was not refused as expected: ${String(error)}`);
      });
    }
    // The limits themselves are fine.
    await newShow(alice, bandId, { title: 'x'.repeat(120), fee_cents: 1_000_000_000, currency: 'GBP', time_zone: 'America/Argentina/Buenos_Aires' });
    await newShow(alice, bandId, { time_zone: 'UTC', fee_cents: 0, set_end_at: '2027-03-27T21:00:01Z', load_in_at: '2027-03-26T21:00:01Z' });
    await newShow(alice, bandId, { time_zone: 'Etc/GMT+3' });
  });

  it('an update that breaks a check is refused the same way and the row keeps its values', async () => {
    const show = await newShow(alice, bandId, { set_start_at: '2027-03-27T22:00:00Z', set_end_at: '2027-03-27T23:30:00Z' });
    await refused(stack, bandId, 400, '23514', () => db(bob).from('shows').update({ set_end_at: '2027-03-27T21:30:00Z' }).eq('id', show.id));
    await refused(stack, bandId, 400, '23514', () => db(bob).from('shows').update({ time_zone: 'CET' }).eq('id', show.id));
    await refused(stack, bandId, 400, '23514', () => db(bob).from('shows').update({ fee_cents: -5 }).eq('id', show.id));
  });

  it('practice sessions: the end after the start, within a day, in a named zone', async () => {
    const bad: Row[] = [
      { ends_at: PRACTICE.starts_at },
      { ends_at: '2027-03-24T17:00:00Z' },
      { ends_at: '2027-03-25T18:00:01Z' },
      ...['CET', 'UTC+3', 'Mars/Base'].map((time_zone) => ({ time_zone })),
      { location: 'x'.repeat(201) },
    ];
    for (const fields of bad) await refused(stack, bandId, 400, '23514', insertPractice(fields));
  });

  it('a show cannot use a setlist of another band, even one the user is also in (23503 → 409)', async () => {
    const theirs = await created(alice, 'setlists', { band_id: otherBandId, name: 'Other band' });
    const error = await refused(stack, bandId, 409, '23503', insertShow({ setlist_id: theirs.id }));
    expect(error.message).toContain('shows_setlist_fkey');
    const show = await newShow(alice, bandId);
    await refused(stack, bandId, 409, '23503', () => db(alice).from('shows').update({ setlist_id: theirs.id }).eq('id', show.id));
    const ours = await created(alice, 'setlists', { band_id: bandId, name: 'Ours' });
    expect((await db(alice).from('shows').update({ setlist_id: ours.id }).eq('id', show.id).select()).data).toMatchObject([{ setlist_id: ours.id }]);
  });

  it('availability: only for an event of the same band, naming exactly one event, as a member', async () => {
    const theirShow = await newShow(alice, otherBandId);
    const theirPractice = await newPractice(alice, otherBandId);
    await refused(stack, bandId, 409, '23503', () => db(alice).from('availability').insert({ band_id: bandId, event_id: theirShow.id, show_id: theirShow.id, answer: 'yes' }));
    await refused(stack, bandId, 409, '23503', () => db(alice).from('availability').insert({ band_id: bandId, event_id: theirPractice.id, practice_id: theirPractice.id, answer: 'yes' }));
    // bob is not in the other band: pointing his band's answer at its show fails the same way.
    await refused(stack, otherBandId, 409, '23503', () => db(bob).from('availability').insert({ band_id: bandId, event_id: theirShow.id, show_id: theirShow.id, answer: 'no' }));

    const show = await newShow(alice, bandId);
    const practice = await newPractice(alice, bandId);
    const row = (fields: Row) => () => db(alice).from('availability').insert({ band_id: bandId, answer: 'yes', ...fields });
    await refused(stack, bandId, 400, '23514', row({ event_id: show.id, show_id: show.id, practice_id: practice.id }));
    await refused(stack, bandId, 400, '23514', row({ event_id: practice.id, show_id: show.id }));
    await refused(stack, bandId, 400, '23514', row({ event_id: show.id }));
    await refused(stack, bandId, 400, '23514', row({ event_id: show.id, show_id: show.id, answer: 'perhaps' }));
    await refused(stack, bandId, 400, '23514', row({ event_id: show.id, show_id: show.id, note: 'x'.repeat(201) }));
    await answer(alice, show);
    await refused(stack, bandId, 409, '23505', row({ event_id: show.id, show_id: show.id, answer: 'no' }));
  });

  it('agenda items and learn status: songs and sessions of the same band only; goals of 200 characters', async () => {
    const session = await newPractice(alice, bandId);
    const song = await newSong(alice, bandId);
    const theirSong = await newSong(alice, otherBandId);
    const theirSession = await newPractice(alice, otherBandId);
    const item = (fields: Row) => () => db(alice).from('practice_items').insert({ band_id: bandId, session_id: session.id, song_id: song.id, position: 'a0', ...fields });
    await refused(stack, bandId, 409, '23503', item({ song_id: theirSong.id }));
    await refused(stack, bandId, 409, '23503', item({ session_id: theirSession.id }));
    await refused(stack, bandId, 400, '23514', item({ goal: 'x'.repeat(201) }));
    await refused(stack, bandId, 400, '23514', item({ position: 'not a key!' }));
    await newItem(alice, session, song, { goal: 'x'.repeat(200) });
    await refused(stack, bandId, 409, '23503', () => db(alice).from('learn_status').insert({ band_id: bandId, song_id: theirSong.id, status: 'ready' }));
    await refused(stack, bandId, 400, '23514', () => db(alice).from('learn_status').insert({ band_id: bandId, song_id: song.id, status: 'done' }));
  });

  it('away dates: the last day on or after the first, at most 366 days apart', async () => {
    const away = (starts_on: string, ends_on: string) => () => db(bob).from('unavailable_dates').insert({ band_id: bandId, starts_on, ends_on });
    await refused(stack, bandId, 400, '23514', away('2027-05-09', '2027-05-03'));
    await refused(stack, bandId, 400, '23514', away('2027-01-01', '2028-01-03'));
    await refused(stack, bandId, 400, '22008', away('2027-02-30', '2027-03-01'));
    await created(bob, 'unavailable_dates', { band_id: bandId, starts_on: '2027-01-01', ends_on: '2028-01-02' });
  });
});

describe('venue time', () => {
  it('every zone the database takes, the app can format; every zone the platform lists, the database takes', async () => {
    const taken = await sql<{ name: string }>(stack, 'select name from pg_timezone_names where public.is_time_zone(name) order by 1');
    expect(taken.length).toBeGreaterThan(400);
    expect(taken.map(({ name }) => name).filter((name) => !isIanaZone(name))).toEqual([]);
    const listed = Intl.supportedValuesOf('timeZone');
    expect(await sql(stack, 'select zone from unnest($1::text[]) zone where not public.is_time_zone(zone)', [listed])).toEqual([]);
  });


  it('21:00 in Lisbon the evening before and the evening the clocks go forward reads 21:00 on both days', async () => {
    const evenings = ['2027-03-27', '2027-03-28'].map((date) => wallClockToInstant(date, '21:00', 'Europe/Lisbon'));
    expect(evenings).toEqual([{ iso: '2027-03-27T21:00:00.000Z' }, { iso: '2027-03-28T20:00:00.000Z' }]);
    const shows = await Promise.all(evenings.map((at) => newShow(alice, bandId, { starts_at: (at as { iso: string }).iso })));
    const rows = await sql(
      stack,
      `select to_char(starts_at at time zone time_zone, 'YYYY-MM-DD HH24:MI') as wall, extract(epoch from starts_at)::bigint as epoch
         from public.shows where id = any($1) order by starts_at`,
      [shows.map((show) => show.id)],
    );
    expect(rows).toEqual([
      { wall: '2027-03-27 21:00', epoch: String(Date.UTC(2027, 2, 27, 21) / 1000) },
      { wall: '2027-03-28 21:00', epoch: String(Date.UTC(2027, 2, 28, 20) / 1000) },
    ]);
  });
});

describe('deletions', () => {
  it('deleting a band with its whole calendar succeeds and leaves nothing behind', async () => {
    const doomed = await band(stack, alice, [[bob, 'member']]);
    const setlist = await created(alice, 'setlists', { band_id: doomed, name: 'Set' });
    const song = await newSong(alice, doomed);
    const show = await newShow(alice, doomed, { setlist_id: setlist.id });
    const practice = await newPractice(bob, doomed);
    await newItem(bob, practice, song);
    for (const user of [alice, bob]) {
      await answer(user, show);
      await created(user, 'availability', { band_id: doomed, event_id: practice.id, practice_id: practice.id, answer: 'maybe' });
      await created(user, 'learn_status', { band_id: doomed, song_id: song.id, status: 'ready' });
      await created(user, 'unavailable_dates', { band_id: doomed, starts_on: '2027-08-01', ends_on: '2027-08-02' });
    }
    expect((await contents(stack, doomed)).length).toBe(1 + 1 + 1 + 1 + 2 * 4);
    const deleted = await db(alice).from('bands').delete().eq('id', doomed).select('id');
    expect(deleted).toMatchObject({ error: null, data: [{ id: doomed }] });
    expect(await contents(stack, doomed)).toEqual([]);
    for (const table of CALENDAR_TABLES) expect(await sql(stack, `select 1 from public.${table} where band_id = $1`, [doomed])).toEqual([]);
  });

  it("deleting a setlist a show uses clears only the show's setlist_id", async () => {
    const setlist = await created(alice, 'setlists', { band_id: bandId, name: 'Set' });
    const show = await newShow(alice, bandId, { setlist_id: setlist.id, venue_name: 'Lux' });
    const rest = async () => (await sql(stack, `select to_jsonb(s) - 'setlist_id' - 'version' - 'updated_at' as r from public.shows s where id = $1`, [show.id]))[0];
    const before = await rest();
    expect((await db(bob).from('setlists').delete().eq('id', setlist.id).select()).data).toHaveLength(1);
    expect(await sql(stack, 'select setlist_id, version from public.shows where id = $1', [show.id])).toEqual([{ setlist_id: null, version: 2 }]);
    expect(await rest()).toEqual(before);
  });

  it('a member who leaves takes their answers, learn status and away dates with them, and only theirs', async () => {
    const left = await band(stack, alice, [[bob, 'member']]);
    const show = await newShow(alice, left);
    const song = await newSong(alice, left);
    for (const user of [alice, bob]) {
      await answer(user, show);
      await created(user, 'learn_status', { band_id: left, song_id: song.id, status: 'learning' });
      await created(user, 'unavailable_dates', { band_id: left, starts_on: '2027-08-01', ends_on: '2027-08-02' });
    }
    expect((await db(bob).from('band_members').delete().eq('band_id', left).eq('user_id', bob.id)).error).toBeNull();
    const owners = await sql<{ t: string; user_id: string }>(
      stack,
      `select 'availability' as t, user_id from public.availability where band_id = $1
       union all select 'learn_status', user_id from public.learn_status where band_id = $1
       union all select 'unavailable_dates', user_id from public.unavailable_dates where band_id = $1 order by 1`,
      [left],
    );
    expect(owners).toEqual(['availability', 'learn_status', 'unavailable_dates'].map((t) => ({ t, user_id: alice.id })));
    expect(await sql(stack, 'select 1 from public.shows where id = $1', [show.id])).toHaveLength(1);
  });
});
