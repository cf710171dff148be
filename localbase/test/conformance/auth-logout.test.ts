import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, inject, it } from 'vitest';
import { client, publicKeys, TEST_PASSWORD, uniqueEmail } from './target.ts';

const target = inject('target');
const PASSWORD = TEST_PASSWORD;
const KEYS = publicKeys(target);

/** Three devices of one user, each with its own session. */
async function threeDevices(key: string): Promise<{ devices: SupabaseClient[]; tokens: string[] }> {
  const email = uniqueEmail('logout');
  await client(target, key).auth.signUp({ email, password: PASSWORD });
  const devices = [client(target, key), client(target, key), client(target, key)];
  const tokens: string[] = [];
  for (const device of devices) {
    const { data, error } = await device.auth.signInWithPassword({ email, password: PASSWORD });
    if (error || !data.session) throw error ?? new Error('no session');
    tokens.push(data.session.access_token);
  }
  return { devices, tokens };
}

/** GET /auth/v1/user with a raw token, so the exact status and code are visible (auth-js maps this one to AuthSessionMissingError). */
async function userStatus(key: string, accessToken: string): Promise<{ status: number; code?: string }> {
  const res = await fetch(`${target.url}/auth/v1/user`, {
    headers: { apikey: key, authorization: `Bearer ${accessToken}`, 'x-supabase-api-version': '2024-01-01' },
  });
  const body = (await res.json()) as { code?: string };
  return { status: res.status, code: res.status === 200 ? undefined : body.code };
}

const GONE = { status: 403, code: 'session_not_found' };
const LIVE = { status: 200, code: undefined };

describe.each(KEYS)('auth signOut with the %s', (_name, key) => {
  it('signOut(global): every session of the user ends', async () => {
    const { devices, tokens } = await threeDevices(key);
    expect((await devices[0]!.auth.signOut({ scope: 'global' })).error).toBeNull();
    expect(await Promise.all(tokens.map((token) => userStatus(key, token)))).toEqual([GONE, GONE, GONE]);
    expect((await devices[0]!.auth.getSession()).data.session).toBeNull();
  });

  it('signOut(global) from one device: the others cannot refresh and their unexpired access tokens get 403 session_not_found', async () => {
    const email = uniqueEmail('logout-everywhere');
    await client(target, key).auth.signUp({ email, password: PASSWORD });
    const sessions = [];
    for (let i = 0; i < 3; i++) {
      const { data } = await client(target, key).auth.signInWithPassword({ email, password: PASSWORD });
      sessions.push(data.session!);
    }
    const here = client(target, key);
    await here.auth.setSession(sessions[0]!);
    expect((await here.auth.signOut({ scope: 'global' })).error).toBeNull();
    for (const other of sessions.slice(1)) {
      const refreshed = await client(target, key).auth.refreshSession({ refresh_token: other.refresh_token });
      expect(refreshed.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
      expect(await userStatus(key, other.access_token)).toEqual(GONE);
    }
  });

  it('signOut(local): only this session ends', async () => {
    const { devices, tokens } = await threeDevices(key);
    expect((await devices[1]!.auth.signOut({ scope: 'local' })).error).toBeNull();
    expect(await Promise.all(tokens.map((token) => userStatus(key, token)))).toEqual([LIVE, GONE, LIVE]);
  });

  it('signOut(others): every other session ends, this one stays', async () => {
    const { devices, tokens } = await threeDevices(key);
    expect((await devices[2]!.auth.signOut({ scope: 'others' })).error).toBeNull();
    expect(await Promise.all(tokens.map((token) => userStatus(key, token)))).toEqual([GONE, GONE, LIVE]);
    expect((await devices[2]!.auth.getUser()).data.user).not.toBeNull();
  });

  it('getUser with a logged-out token: auth-js reports the session missing', async () => {
    const { devices, tokens } = await threeDevices(key);
    await devices[0]!.auth.signOut();
    const { data, error } = await client(target, key).auth.getUser(tokens[1]);
    expect(data.user).toBeNull();
    expect(error?.name).toBe('AuthSessionMissingError');
  });

  it('a refresh token of an ended session is refused', async () => {
    const email = uniqueEmail('logout-refresh');
    const sb = client(target, key);
    await sb.auth.signUp({ email, password: PASSWORD });
    const { data } = await sb.auth.signInWithPassword({ email, password: PASSWORD });
    await sb.auth.signOut();
    const { error } = await client(target, key).auth.refreshSession({ refresh_token: data.session!.refresh_token });
    expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });
});
