import { describe, expect, inject, it } from 'vitest';
import { client, publicKeys, TEST_PASSWORD, uniqueEmail } from './target.ts';

const target = inject('target');
const PASSWORD = TEST_PASSWORD;
const KEYS = publicKeys(target);

async function signedUp(key: string, data: Record<string, unknown> = {}) {
  const sb = client(target, key);
  const email = uniqueEmail('update');
  const result = await sb.auth.signUp({ email, password: PASSWORD, options: { data } });
  if (result.error || !result.data.session) throw result.error ?? new Error('no session');
  return { sb, email, session: result.data.session };
}

describe.each(KEYS)('auth updateUser with the %s', (_name, key) => {
  it('updateUser(data): merges into user_metadata, a null value removes the key', async () => {
    const { sb } = await signedUp(key, { instrument: 'bass', city: 'Leeds' });
    const { data, error } = await sb.auth.updateUser({ data: { city: null, band: 'The Locals' } });
    expect(error).toBeNull();
    expect(data.user?.user_metadata).toEqual({ instrument: 'bass', band: 'The Locals', email_verified: true });
    expect((await sb.auth.getUser()).data.user?.user_metadata).toEqual(data.user?.user_metadata);
  });

  it('updateUser(password): the new password signs in, the old one no longer does', async () => {
    const { sb, email } = await signedUp(key);
    expect((await sb.auth.updateUser({ password: 'brand-new-pass' })).error).toBeNull();
    expect((await client(target, key).auth.signInWithPassword({ email, password: 'brand-new-pass' })).error).toBeNull();
    const old = await client(target, key).auth.signInWithPassword({ email, password: PASSWORD });
    expect(old.error).toMatchObject({ status: 400, code: 'invalid_credentials' });
  });

  it('updateUser(password): a password change ends the other sessions, not this one', async () => {
    const { sb, email } = await signedUp(key);
    const other = await client(target, key).auth.signInWithPassword({ email, password: PASSWORD });
    await sb.auth.updateUser({ password: 'brand-new-pass' });
    expect((await sb.auth.getUser()).error).toBeNull();
    const res = await fetch(`${target.url}/auth/v1/user`, {
      headers: { apikey: key, authorization: `Bearer ${other.data.session!.access_token}`, 'x-supabase-api-version': '2024-01-01' },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'session_not_found' });
  });

  it('updateUser(password): the current password is 422 same_password', async () => {
    const { sb } = await signedUp(key);
    const { error } = await sb.auth.updateUser({ password: PASSWORD });
    expect(error).toMatchObject({ status: 422, code: 'same_password', message: 'New password should be different from the old password.' });
  });

  it('updateUser(password): a short password is 422 weak_password', async () => {
    const { sb } = await signedUp(key);
    const { error } = await sb.auth.updateUser({ password: 'abc' });
    expect(error).toMatchObject({ status: 422, code: 'weak_password' });
  });

  it('updateUser(email): an address another user holds is 422 email_exists', async () => {
    const taken = await signedUp(key);
    const { sb } = await signedUp(key);
    const { error } = await sb.auth.updateUser({ email: taken.email });
    expect(error).toMatchObject({ status: 422, code: 'email_exists' });
  });
});
