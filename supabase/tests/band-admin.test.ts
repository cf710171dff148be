import type { RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import { createClient } from '@supabase/supabase-js';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '@/lib/database.types';
import { band, roleOf, signUp, sql, subscribed, waitFor, type User } from './support';

// Band management as the members page does it: rename, delete, roles, the join preview, and the events the
// band's pages follow live (lib/live/tables/bands.ts on channel band:<id>).

const stack = inject('stack');
let owner: User, admin: User, member: User, outsider: User;

beforeAll(async () => {
  [owner, admin, member, outsider] = await Promise.all([signUp(stack, 'owner'), signUp(stack, 'admin'), signUp(stack, 'member'), signUp(stack, 'outsider')]);
});

const bandRow = async (id: string) => (await sql<{ name: string; version: number }>(stack, 'select name, version from public.bands where id = $1', [id]))[0];

describe('renaming and deleting a band', () => {
  it('an admin renames (version bumps), a member is refused by RLS and nothing changes', async () => {
    const bandId = await band(stack, owner, [[admin, 'admin'], [member, 'member']]);
    const renamed = await admin.client.from('bands').update({ name: 'The Renamed' }).eq('id', bandId).select().single();
    expect(renamed.data).toMatchObject({ name: 'The Renamed', version: 2 });
    const refused = await member.client.from('bands').update({ name: 'Hijacked' }).eq('id', bandId).select();
    expect(refused).toMatchObject({ error: null, data: [] });
    expect(await bandRow(bandId)).toEqual({ name: 'The Renamed', version: 2 });
  });

  it('the name is checked in SQL: blank and over 80 characters are refused', async () => {
    const bandId = await band(stack, owner);
    for (const name of ['   ', 'x'.repeat(81)]) {
      const result = await owner.client.from('bands').update({ name }).eq('id', bandId).select();
      expect(result.error?.code).toBe('23514');
    }
  });

  it('only an owner deletes: an admin and a member match no row, the owner removes band and line-up', async () => {
    const bandId = await band(stack, owner, [[admin, 'admin'], [member, 'member']]);
    for (const user of [admin, member, outsider]) {
      expect(await user.client.from('bands').delete().eq('id', bandId).select()).toMatchObject({ error: null, data: [] });
    }
    expect(await bandRow(bandId)).toBeDefined();
    expect((await owner.client.from('bands').delete().eq('id', bandId).select('id')).data).toEqual([{ id: bandId }]);
    expect(await sql(stack, 'select 1 from public.band_members where band_id = $1', [bandId])).toEqual([]);
  });
});

describe('roles through set_member_role', () => {
  it('bumps the member row version; the last owner cannot step down; members leave, admins remove members', async () => {
    const bandId = await band(stack, owner, [[admin, 'admin'], [member, 'member']]);
    expect((await admin.client.rpc('set_member_role', { p_band_id: bandId, p_user_id: member.id, p_role: 'admin' })).error).toBeNull();
    expect(await sql(stack, 'select role, version from public.band_members where band_id = $1 and user_id = $2', [bandId, member.id])).toEqual([
      { role: 'admin', version: 2 },
    ]);
    const stepDown = await owner.client.rpc('set_member_role', { p_band_id: bandId, p_user_id: owner.id, p_role: 'member' });
    expect(stepDown.error).toMatchObject({ code: '42501', message: 'A band needs at least one owner' });
    expect((await admin.client.from('band_members').delete().eq('band_id', bandId).eq('user_id', member.id).select()).data).toHaveLength(1);
    expect(await roleOf(stack, bandId, member.id)).toBeUndefined();
    expect((await admin.client.from('band_members').delete().eq('band_id', bandId).eq('user_id', admin.id).select()).data).toHaveLength(1);
  });
});

describe('invite_preview', () => {
  async function invite(bandId: string, expiresIn = '7 days'): Promise<string> {
    const rows = await sql<{ code: string }>(
      stack,
      `insert into public.band_invites (band_id, created_by, expires_at) values ($1, $2, now() + $3::interval) returning code`,
      [bandId, owner.id, expiresIn],
    );
    return rows[0]!.code;
  }

  it('names the band, the inviter and the expiry for a live code, and says whether the caller is already in', async () => {
    const bandId = await band(stack, owner, [[member, 'member']]);
    await owner.client.from('bands').update({ name: 'Preview Band' }).eq('id', bandId);
    const code = await invite(bandId);
    const seen = await outsider.client.rpc('invite_preview', { invite_code: ` ${code.toLowerCase()} ` }).single();
    expect(seen.error).toBeNull();
    expect(seen.data).toMatchObject({ status: 'valid', band_name: 'Preview Band', invited_by: 'owner', already_member: false });
    expect(Date.parse(seen.data!.expires_at!)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect((await member.client.rpc('invite_preview', { invite_code: code }).single()).data).toMatchObject({ status: 'valid', already_member: true });
    // Previewing joins nothing.
    expect(await roleOf(stack, bandId, outsider.id)).toBeUndefined();
  });

  it('reveals nothing but the status for a wrong or an expired code', async () => {
    const bandId = await band(stack, owner);
    const expired = await invite(bandId, '-1 minute');
    const none = { band_name: null, invited_by: null, expires_at: null, already_member: false };
    expect((await outsider.client.rpc('invite_preview', { invite_code: expired }).single()).data).toEqual({ status: 'expired', ...none });
    expect((await outsider.client.rpc('invite_preview', { invite_code: '0123456789' }).single()).data).toEqual({ status: 'unknown', ...none });
  });

  it('is refused to a visitor who is not signed in', async () => {
    const code = await invite(await band(stack, owner));
    const anon = createClient<Database>(stack.url, stack.anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
    const result = await anon.rpc('invite_preview', { invite_code: code });
    expect(result.error?.code).toBe('42501');
    expect(result.data).toBeNull();
  });
});

describe('the band channel (bands + band_members, as lib/live/tables/bands.ts binds them)', () => {
  type Change = RealtimePostgresChangesPayload<Record<string, unknown>>;
  const open: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((close) => close()));
  });

  async function listen(user: User, bandId: string) {
    const events: Change[] = [];
    let ready = false;
    const channel = user.client
      .channel(`band:${bandId}`, { config: { private: true } })
      .on<Record<string, unknown>>('postgres_changes', { event: '*', schema: 'public', table: 'bands', filter: `id=eq.${bandId}` }, (payload) => events.push(payload))
      .on<Record<string, unknown>>('postgres_changes', { event: '*', schema: 'public', table: 'band_members', filter: `band_id=eq.${bandId}` }, (payload) =>
        events.push(payload),
      )
      .on('system', {}, (message: { extension?: string; status?: string }) => {
        if (message.extension === 'postgres_changes' && message.status === 'ok') ready = true;
      });
    open.push(() => user.client.removeChannel(channel));
    expect((await subscribed(channel)).status).toBe('SUBSCRIBED');
    await waitFor(() => ready, 'the band channel’s postgres_changes subscription');
    return events;
  }

  it('a rename and a role change reach members; a removed member hears their own DELETE, keyed by band and user', async () => {
    const bandId = await band(stack, owner, [[member, 'member']]);
    const events = await listen(member, bandId);
    await owner.client.from('bands').update({ name: 'Live Rename' }).eq('id', bandId);
    await owner.client.rpc('set_member_role', { p_band_id: bandId, p_user_id: member.id, p_role: 'admin' });
    // Realtime checks RLS when it relays an UPDATE, against the row as it is then: deleting the row at once would
    // (rightly) hide the role change from everyone, so the removal waits until the change has arrived.
    await waitFor(() => events.length >= 2, 'rename and role change');
    await owner.client.from('band_members').delete().eq('band_id', bandId).eq('user_id', member.id);
    await waitFor(() => events.length >= 3, 'the removal');
    expect(events.map((event) => [event.table, event.eventType])).toEqual([
      ['bands', 'UPDATE'],
      ['band_members', 'UPDATE'],
      ['band_members', 'DELETE'],
    ]);
    expect(events[0]!.new).toMatchObject({ id: bandId, name: 'Live Rename', version: 2 });
    expect(events[1]!.new).toMatchObject({ user_id: member.id, role: 'admin', version: 2 });
    // Under RLS a DELETE carries the primary key only: exactly what the app needs to know who went.
    expect(events[2]!.old).toEqual({ band_id: bandId, user_id: member.id });
  });

  it('deleting the band sends its own DELETE first, then the line-up’s', async () => {
    const bandId = await band(stack, owner, [[member, 'member']]);
    const events = await listen(member, bandId);
    await owner.client.from('bands').delete().eq('id', bandId);
    await waitFor(() => events.length >= 3, 'the band and both memberships deleted');
    expect(events[0]).toMatchObject({ table: 'bands', eventType: 'DELETE', old: { id: bandId } });
    expect(events.slice(1).map((event) => [event.table, event.eventType])).toEqual([
      ['band_members', 'DELETE'],
      ['band_members', 'DELETE'],
    ]);
  });

  it('a removed member can no longer join the band’s private channel', async () => {
    const bandId = await band(stack, owner, [[member, 'member']]);
    await owner.client.from('band_members').delete().eq('band_id', bandId).eq('user_id', member.id);
    const channel = member.client.channel(`band:${bandId}`, { config: { private: true } });
    open.push(() => member.client.removeChannel(channel));
    expect((await subscribed(channel)).status).toBe('CHANNEL_ERROR');
  });
});
