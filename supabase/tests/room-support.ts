import pg from 'pg';
import { expect } from 'vitest';
import { created, db, newPractice, newShow, type Row } from './calendar-support';
import { sql, type Stack, type User } from './support';

// Shared by the live-room db tests: practices and shows with their running order, the room functions called as a
// user, and "refused with this status and code, the room as it was".

export type Answer = { status: number; data: unknown; error: { code: string; message: string; hint?: string | null } | null };
export type Room = Row & { id: string; version: number; item_id: string | null; leader_id: string | null; seconds: Record<string, number> };

/** A room function called through PostgREST as `user` (untyped: the tests send what the types forbid, null items). */
export const rpc = (user: User, fn: string, args: Row): PromiseLike<Answer> => db(user).rpc(fn, args);

/** Calls a room function that must succeed and returns the room it answered with. */
export async function ok(user: User, fn: string, args: Row): Promise<Room> {
  const answered = await rpc(user, fn, args);
  if (answered.error) throw new Error(`${fn} failed: ${answered.error.code} ${answered.error.message}`);
  return answered.data as Room;
}

export const openRoom = (user: User, kind: 'practice' | 'show', event: Row) => ok(user, 'room_open', { p_kind: kind, p_event_id: event.id });

/** The room as the superuser sees it (inspection only). */
export async function roomRow(stack: Stack, id: string): Promise<Room> {
  return (await sql<Room>(stack, 'select * from public.live_rooms where id = $1', [id]))[0]!;
}

/** Asserts the request is refused with `status` and `code` and that the room did not change at all (version included). */
export async function refusedRoom(stack: Stack, roomId: string, status: number, code: string, request: () => PromiseLike<Answer>) {
  const before = await roomRow(stack, roomId);
  const answered = await request();
  expect({ status: answered.status, code: answered.error?.code }).toEqual({ status, code });
  expect(await roomRow(stack, roomId)).toEqual(before);
  return answered.error!;
}

/** A song of `band` with the given title (the summary lists titles). */
export const song = (user: User, band: string, title: string) => created(user, 'songs', { band_id: band, title });

/**
 * A practice whose agenda holds one song per title, at the given positions, inserted in the order given: tests
 * insert them out of agenda order so "first" and "in agenda order" cannot pass by insertion order.
 */
export async function practiceWithAgenda(user: User, band: string, agenda: Array<[position: string, title: string]>) {
  const practice = await newPractice(user, band);
  const items: Record<string, Row> = {};
  for (const [position, title] of agenda) {
    const { id: song_id } = await song(user, band, title);
    items[position] = await created(user, 'practice_items', { band_id: band, session_id: practice.id, song_id, position });
  }
  return { practice, items };
}

/** A show with a setlist of the given items (a kind per position: a song or a break), or with none when empty. */
export async function showWithSetlist(user: User, band: string, setlist: Array<[position: string, kind: 'song' | 'break']>) {
  if (!setlist.length) return { show: await newShow(user, band), items: {} as Record<string, Row> };
  const list = await created(user, 'setlists', { band_id: band, name: 'Stage set' });
  const items: Record<string, Row> = {};
  for (const [position, kind] of setlist) {
    const song_id = kind === 'song' ? (await song(user, band, `Song ${position}`)).id : null;
    items[position] = await created(user, 'setlist_items', { band_id: band, setlist_id: list.id, kind, song_id, position });
  }
  return { show: await newShow(user, band, { setlist_id: list.id }), items };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sleeps until the room's lease, as stored, is `seconds` old (by the database clock, which take_lead compares). */
export async function untilLeaseAge(stack: Stack, roomId: string, seconds: number): Promise<void> {
  const rows = await sql<{ left_ms: number }>(
    stack,
    `select greatest(0, extract(epoch from seen_at + make_interval(secs => $2) - clock_timestamp()) * 1000)::float8 as left_ms
       from public.live_room_leases where room_id = $1`,
    [roomId, seconds],
  );
  if (!rows[0]) throw new Error(`room ${roomId} has no lease`);
  await sleep(rows[0].left_ms);
}

/**
 * Runs `requests` so that they really meet: the superuser holds the room's row lock until every request waits on
 * it, then lets go. Without this, two HTTP calls from one process usually reach the database one after the other
 * and a missing lock in the function under test would go unnoticed.
 */
export async function atTheSameInstant<T>(stack: Stack, roomId: string, requests: Array<() => PromiseLike<T>>): Promise<T[]> {
  const holder = new pg.Client({ connectionString: stack.dbUrl });
  await holder.connect();
  try {
    await holder.query('begin');
    await holder.query('select 1 from public.live_rooms where id = $1 for update', [roomId]);
    const answers = Promise.all(requests.map((request) => request()));
    const deadline = Date.now() + 10_000;
    // Behind the holder, or behind another request already queued behind it (a row's second waiter waits on the first).
    const waiting = async () =>
      (await sql<{ n: number }>(stack, 'select count(*)::int as n from pg_stat_activity where cardinality(pg_blocking_pids(pid)) > 0'))[0]!.n;
    while ((await waiting()) < requests.length) {
      if (Date.now() > deadline) throw new Error('the requests never queued behind the room lock');
      await sleep(20);
    }
    await holder.query('rollback');
    return await answers;
  } finally {
    await holder.end();
  }
}
