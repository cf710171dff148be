import { AuthWeakPasswordError } from '@supabase/supabase-js';
import { describe, expect, inject, it } from 'vitest';
import { client, publicKeys, TEST_PASSWORD, uniqueEmail } from './target.ts';

const target = inject('target');
const PASSWORD = TEST_PASSWORD;
const KEYS = publicKeys(target);

function decode(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe.each(KEYS)('auth sign-up and sign-in with the %s', (_name, key) => {
  it('signUp: a new user gets a session at once (autoconfirm) with metadata and an email identity', async () => {
    const email = uniqueEmail('signup');
    const { data, error } = await client(target, key).auth.signUp({ email, password: PASSWORD, options: { data: { nickname: 'drums' } } });
    expect(error).toBeNull();
    expect(data.session?.access_token).toBeTruthy();
    expect(data.session?.refresh_token).toBeTruthy();
    expect(data.user).toMatchObject({
      email,
      aud: 'authenticated',
      role: 'authenticated',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { nickname: 'drums', email_verified: true },
      is_anonymous: false,
    });
    expect(data.user?.email_confirmed_at).toBeTruthy();
    expect(data.user?.identities?.[0]).toMatchObject({ provider: 'email', id: data.user?.id, user_id: data.user?.id });
  });

  it('signUp: an upper-case address is stored lower-cased', async () => {
    const email = uniqueEmail('upper');
    const { data, error } = await client(target, key).auth.signUp({ email: email.toUpperCase(), password: PASSWORD });
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
  });

  it('signUp: a registered address is 422 user_already_exists', async () => {
    const email = uniqueEmail('dup');
    await client(target, key).auth.signUp({ email, password: PASSWORD });
    const { data, error } = await client(target, key).auth.signUp({ email, password: PASSWORD });
    expect(data.session).toBeNull();
    expect(error).toMatchObject({ status: 422, code: 'user_already_exists', message: 'User already registered' });
  });

  it('signUp: a short password is 422 weak_password with its reasons', async () => {
    const { error } = await client(target, key).auth.signUp({ email: uniqueEmail('weak'), password: '123' });
    expect(error).toBeInstanceOf(AuthWeakPasswordError);
    expect(error).toMatchObject({ status: 422, code: 'weak_password', message: 'Password should be at least 6 characters.' });
    expect((error as AuthWeakPasswordError).reasons).toEqual(['length']);
  });

  it('signUp: a malformed address is 400 validation_failed', async () => {
    const { error } = await client(target, key).auth.signUp({ email: 'not-an-email', password: PASSWORD });
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: 'Unable to validate email address: invalid format' });
  });

  it('signInWithPassword: the right password gives a session whose JWT carries the GoTrue claims', async () => {
    const email = uniqueEmail('signin');
    const signedUp = await client(target, key).auth.signUp({ email, password: PASSWORD });
    const { data, error } = await client(target, key).auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.session?.token_type).toBe('bearer');
    expect(data.session?.expires_in).toBe(3600);
    const claims = decode(data.session!.access_token);
    expect(claims).toMatchObject({
      iss: `${target.url}/auth/v1`,
      sub: signedUp.data.user?.id,
      aud: 'authenticated',
      role: 'authenticated',
      email,
      phone: '',
      aal: 'aal1',
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
    });
    expect(claims.exp).toBe((claims.iat as number) + 3600);
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
    expect(claims.session_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims.session_id).not.toBe(decode(signedUp.data.session!.access_token).session_id);
  });

  it('signInWithPassword: a wrong password or unknown address is 400 invalid_credentials', async () => {
    const email = uniqueEmail('wrong');
    await client(target, key).auth.signUp({ email, password: PASSWORD });
    const wrong = await client(target, key).auth.signInWithPassword({ email, password: 'not-the-password' });
    expect(wrong.error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' });
    const unknown = await client(target, key).auth.signInWithPassword({ email: uniqueEmail('nobody'), password: PASSWORD });
    expect(unknown.error).toMatchObject({ status: 400, code: 'invalid_credentials' });
  });

  it('getUser and getClaims: the signed-in user is validated by the server', async () => {
    const email = uniqueEmail('getuser');
    const sb = client(target, key);
    await sb.auth.signUp({ email, password: PASSWORD });
    const { data, error } = await sb.auth.getUser();
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
    const claims = await sb.auth.getClaims();
    expect(claims.error).toBeNull();
    expect(claims.data?.claims).toMatchObject({ sub: data.user?.id, email, role: 'authenticated', aal: 'aal1' });
    expect(claims.data?.header.alg).toBe('HS256');
  });
});
