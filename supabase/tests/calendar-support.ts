import { createClient, type RealtimePostgresChangesPayload, type SupabaseClient } from '@supabase/supabase-js';
import { expect } from 'vitest';
import { band, signUp, sql, type Stack, type User } from './support';

// Shared by the calendar db tests: rows created as a user through REST, the band's calendar as the superuser sees
// it, and "refused with this status and code, nothing written".

export type Row = Record<string, unknown>;
type Answer = { status: number; error: { code: string; message: string } | null };

// Untyped on purpose: these requests send what the generated types forbid (other people's ids, bad zones, moves).
export const db = (user: User) => user.client as unknown as SupabaseClient;

/** A client with the anon key and no session: a visitor who never signed in. */
export const anonymous = (stack: Stack): SupabaseClient =>
  createClient(stack.url, stack.anonKey, { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } });

export async function created(user: User, table: string, values: Row): Promise<Row> {
  const { data, error } = await db(user).from(table).insert(values).select().single();
  if (error) throw new Error(`${table} insert failed: ${error.code} ${error.message}`);
  return data as Row;
}

export const SHOW = { title: 'Friday at the Lux', time_zone: 'Europe/Lisbon', starts_at: '2027-03-27T21:00:00Z' };
export const PRACTICE = { time_zone: 'Europe/Lisbon', starts_at: '2027-03-24T18:00:00Z', ends_at: '2027-03-24T21:00:00Z' };

export const newShow = (user: User, band: string, fields: Row = {}) => created(user, 'shows', { band_id: band, ...SHOW, ...fields });
export const newPractice = (user: User, band: string, fields: Row = {}) =>
  created(user, 'practice_sessions', { band_id: band, ...PRACTICE, ...fields });
export const newSong = (user: User, band: string) => created(user, 'songs', { band_id: band, title: 'Song' });
export const newItem = (user: User, session: Row, song: Row, fields: Row = {}) =>
  created(user, 'practice_items', { band_id: session.band_id, session_id: session.id, song_id: song.id, position: 'a0', ...fields });
export const answer = (user: User, show: Row, fields: Row = {}) =>
  created(user, 'availability', { band_id: show.band_id, event_id: show.id, show_id: show.id, answer: 'yes', ...fields });

export const CALENDAR_TABLES = ['shows', 'practice_sessions', 'practice_items', 'learn_status', 'availability', 'unavailable_dates'];

/** Every calendar row of a band (and its setlists, which shows point at), as the superuser sees them. */
export async function contents(stack: Stack, band: string): Promise<unknown[]> {
  const union = [...CALENDAR_TABLES, 'setlists'].map((table) => `select '${table}' as t, to_jsonb(r) as r from public.${table} r where band_id = $1`);
  return sql(stack, `${union.join(' union all ')} order by 1, 2`, [band]);
}

/** Runs a request that PostgREST must refuse with `status` and `code`, and checks the band's calendar is as before. */
export async function refused(stack: Stack, band: string, status: number, code: string, request: () => PromiseLike<Answer>) {
  const before = await contents(stack, band);
  const answered = await request();
  expect({ status: answered.status, code: answered.error?.code }).toEqual({ status, code });
  expect(await contents(stack, band)).toEqual(before);
  return answered.error!;
}

/** A request that matches no row the user may touch: PostgREST answers 200 with no rows, and nothing changes. */
export async function untouched(stack: Stack, band: string, request: () => PromiseLike<Answer & { data: unknown }>) {
  const before = await contents(stack, band);
  const answered = await request();
  expect({ status: answered.status, error: answered.error, data: answered.data }).toEqual({ status: 200, error: null, data: [] });
  expect(await contents(stack, band)).toEqual(before);
}

export type Change = RealtimePostgresChangesPayload<Row>;

/** postgres_changes on `tables` filtered to one band, as lib/live/use-live-channel.ts binds them (private channel). */
export function listen(user: User, topic: string, band: string, tables: string[], events: Change[], isPrivate = true) {
  let ready = false;
  const channel = user.client.channel(topic, { config: { private: isPrivate } });
  for (const table of tables) {
    channel.on<Row>('postgres_changes', { event: '*', schema: 'public', table, filter: `band_id=eq.${band}` }, (payload) => events.push(payload));
  }
  channel.on('system', {}, (message: { extension?: string; status?: string }) => {
    if (message.extension === 'postgres_changes' && message.status === 'ok') ready = true;
  });
  return { channel, ready: () => ready };
}

/**
 * The cast of the room and chat tests: alice owns a band with bob and carol as members, dave is in a band of his
 * own only, anon never signed in. `leave()` closes their Realtime channels.
 */
export async function bandOfThreeAndAnOutsider(stack: Stack) {
  const [alice, bob, carol, dave] = await Promise.all([signUp(stack, 'alice'), signUp(stack, 'bob'), signUp(stack, 'carol'), signUp(stack, 'dave')]);
  const bandId = await band(stack, alice, [[bob, 'member'], [carol, 'member']]);
  const daveBand = await band(stack, dave);
  const leave = () => Promise.all([alice, bob, carol, dave].map((user) => user.client.removeAllChannels()));
  return { alice, bob, carol, dave, anon: anonymous(stack), bandId, daveBand, leave };
}
