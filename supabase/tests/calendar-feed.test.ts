import { createClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '@/lib/database.types';
import { calendarFeedSchema, type CalendarFeed } from '@/lib/calendar/feed';
import { band, signUp, sql, type User } from './support';

const stack = inject('stack');
let ana: User, ben: User, cleo: User;
// What a calendar app is: no session, the publishable key only.
const anon = createClient<Database>(stack.url, stack.anonKey, { auth: { persistSession: false, autoRefreshToken: false } });

beforeAll(async () => {
  [ana, ben, cleo] = await Promise.all([signUp(stack, 'ana'), signUp(stack, 'ben'), signUp(stack, 'cleo')]);
});

async function newToken(user: User): Promise<string> {
  const { data, error } = await user.client.rpc('regenerate_calendar_token');
  if (error) throw error;
  return data;
}

async function feed(token: string): Promise<CalendarFeed | null> {
  const { data, error } = await anon.rpc('calendar_feed', { p_token: token });
  if (error) throw error;
  return data === null ? null : calendarFeedSchema.parse(data);
}

async function addShow(user: User, bandId: string, title: string): Promise<string> {
  const { data, error } = await user.client
    .from('shows')
    .insert({ band_id: bandId, title, time_zone: 'Europe/Lisbon', starts_at: '2027-03-28T20:00:00Z', status: 'confirmed' })
    .select('id')
    .single();
  if (error) throw error;
  return data.id;
}

describe('calendar tokens', () => {
  it('regenerating gives a new 64-hex token and the old one stops answering; revoking ends the feed', async () => {
    const first = await newToken(ana);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect((await feed(first))?.display_name).toBe('ana');
    const second = await newToken(ana);
    expect(second).not.toBe(first);
    expect(await feed(first)).toBeNull();
    expect(await feed(second)).not.toBeNull();
    expect((await ana.client.rpc('revoke_calendar_token')).error).toBeNull();
    expect(await feed(second)).toBeNull();
    expect(await sql(stack, 'select 1 from public.calendar_tokens where user_id = $1', [ana.id])).toEqual([]);
  });

  it('an unknown, malformed or empty token gets null, not an error', async () => {
    expect(await feed('0'.repeat(64))).toBeNull();
    expect(await feed('not-a-token')).toBeNull();
    expect(await feed('')).toBeNull();
    expect(await feed(`${'a'.repeat(64)}' or '1'='1`)).toBeNull();
  });

  it('anon can call the feed but not read tokens or make one; a user reads only their own token', async () => {
    const token = await newToken(ben);
    const read = await anon.from('calendar_tokens').select('token');
    expect(read.error?.code).toBe('42501');
    expect((await anon.rpc('regenerate_calendar_token')).error?.code).toBe('42501');
    expect((await anon.rpc('revoke_calendar_token')).error?.code).toBe('42501');
    const others = await cleo.client.from('calendar_tokens').select('token').eq('user_id', ben.id);
    expect(others.error).toBeNull();
    expect(others.data).toEqual([]);
    const own = await ben.client.from('calendar_tokens').select('token').single();
    expect(own.data?.token).toBe(token);
  });

  it("no client can write a token directly, not even their own", async () => {
    await newToken(cleo);
    const forged = await cleo.client.from('calendar_tokens').update({ token: 'f'.repeat(64) }).eq('user_id', cleo.id);
    expect(forged.error?.code).toBe('42501');
    const inserted = await cleo.client.from('calendar_tokens').insert({ user_id: cleo.id, token: 'e'.repeat(64) });
    expect(inserted.error?.code).toBe('42501');
    expect(await feed('f'.repeat(64))).toBeNull();
  });
});

describe('the feed', () => {
  it("holds only the owner's bands: a third user's feed shows nothing of them, leaving a band takes its events out", async () => {
    const bandX = await band(stack, ana, [[ben, 'member']]);
    const bandY = await band(stack, cleo);
    const showX = await addShow(ana, bandX, 'X at the Lux');
    const showY = await addShow(cleo, bandY, 'Y elsewhere');
    const { data: practice, error } = await ben.client
      .from('practice_sessions')
      .insert({ band_id: bandX, starts_at: '2027-03-30T18:00:00Z', ends_at: '2027-03-30T20:00:00Z', time_zone: 'Europe/Lisbon', location: 'Room 4' })
      .select('id')
      .single();
    if (error) throw error;

    const bens = (await feed(await newToken(ben)))!;
    expect(bens.bands.map((b) => b.id)).toContain(bandX);
    expect(bens.shows.map((s) => s.id)).toContain(showX);
    expect(bens.practice_sessions.map((p) => p.id)).toContain(practice.id);
    expect(bens.shows.map((s) => s.id)).not.toContain(showY);
    const lux = bens.shows.find((s) => s.id === showX)!;
    expect(new Date(lux.starts_at).toISOString()).toBe('2027-03-28T20:00:00.000Z');
    expect(lux).not.toHaveProperty('fee_cents');

    const cleos = (await feed(await newToken(cleo)))!;
    expect(cleos.bands.map((b) => b.id)).toEqual([bandY]);
    expect(cleos.shows.map((s) => s.id)).toEqual([showY]);
    expect(cleos.practice_sessions).toEqual([]);

    expect((await ben.client.from('band_members').delete().eq('band_id', bandX).eq('user_id', ben.id)).error).toBeNull();
    const after = (await feed((await ben.client.from('calendar_tokens').select('token').single()).data!.token))!;
    expect(after.bands.map((b) => b.id)).not.toContain(bandX);
    expect(after.shows.map((s) => s.id)).not.toContain(showX);
    expect(after.practice_sessions.map((p) => p.id)).not.toContain(practice.id);
  });
});
