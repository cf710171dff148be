import { describe, expect, inject, it } from 'vitest';
import { applySql, client, TEST_PASSWORD, uniqueEmail } from './target.ts';
import { firstLink, followLink, params, waitForMail } from './mail-support.ts';

const target = inject('target');
const KEY = target.publishableKey;
const NEW_PASSWORD = 'a-brand-new-password-2';
const APP = 'https://app.example.com/auth/reset';

async function signedUpUser(tag: string): Promise<string> {
  const email = uniqueEmail(tag);
  const { error } = await client(target, KEY).auth.signUp({ email, password: TEST_PASSWORD });
  if (error) throw error;
  return email;
}

function decodePayload(jwt: string): { amr: { method: string }[]; session_id: string } {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
}

/** updateUser({password}) on the recovered session, then the new password signs in and the old one does not. */
async function expectPasswordChanged(sb: ReturnType<typeof client>, email: string): Promise<void> {
  expect((await sb.auth.updateUser({ password: NEW_PASSWORD })).error).toBeNull();
  const fresh = client(target, KEY);
  expect((await fresh.auth.signInWithPassword({ email, password: NEW_PASSWORD })).error).toBeNull();
  expect((await fresh.auth.signInWithPassword({ email, password: TEST_PASSWORD })).error).toMatchObject({ code: 'invalid_credentials' });
}

describe('password recovery through the mail catcher', () => {
  it('resetPasswordForEmail mails GoTrue\'s default recovery mail; verifyOtp with its token_hash signs in (amr otp)', async () => {
    const email = await signedUpUser('recover-hash');
    const sb = client(target, KEY);
    expect(await sb.auth.resetPasswordForEmail(email, { redirectTo: APP })).toEqual({ data: {}, error: null });
    const mail = await waitForMail(target, email);
    expect(mail.Subject).toBe('Reset your password');
    expect(mail.From).toEqual({ Name: 'Admin', Address: 'admin@email.com' });
    const link = firstLink(mail);
    expect(link.pathname).toBe('/auth/v1/verify');
    expect(link.searchParams.get('type')).toBe('recovery');
    expect(link.searchParams.get('redirect_to')).toBe(APP);
    expect(mail.Text).toContain(link.href);
    const { data, error } = await sb.auth.verifyOtp({ type: 'recovery', token_hash: link.searchParams.get('token')! });
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
    expect(decodePayload(data.session!.access_token).amr[0]!.method).toBe('otp');
    await expectPasswordChanged(sb, email);
  });

  it('PKCE: the mailed link redirects with ?code=, and exchangeCodeForSession gives a recovery session', async () => {
    const email = await signedUpUser('recover-pkce');
    const sb = client(target, KEY, { auth: { flowType: 'pkce' } });
    expect((await sb.auth.resetPasswordForEmail(email, { redirectTo: APP })).error).toBeNull();
    const link = firstLink(await waitForMail(target, email));
    expect(link.searchParams.get('token')).toMatch(/^pkce_[0-9a-f]{56}$/);
    const { status, location } = await followLink(link);
    expect(status).toBe(303);
    expect(`${location.origin}${location.pathname}`).toBe(APP);
    const code = location.searchParams.get('code')!;
    expect(code).toMatch(/^[0-9a-f-]{36}$/);
    const { data, error } = await sb.auth.exchangeCodeForSession(code);
    expect(error).toBeNull();
    expect(decodePayload(data.session!.access_token).amr[0]!.method).toBe('recovery');
    await expectPasswordChanged(sb, email);
    // The code is spent with its flow state.
    const reuse = await fetch(`${target.url}/auth/v1/token?grant_type=pkce`, {
      method: 'POST',
      headers: { apikey: KEY, 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' },
      body: JSON.stringify({ auth_code: code, code_verifier: 'x'.repeat(43) }),
    });
    expect(reuse.status).toBe(404);
    expect(await reuse.json()).toMatchObject({ code: 'flow_state_not_found' });
  });

  it('an unknown address answers 200 with nothing sent (no enumeration)', async () => {
    const email = uniqueEmail('recover-unknown');
    expect(await client(target, KEY).auth.resetPasswordForEmail(email)).toEqual({ data: {}, error: null });
    await expect(waitForMail(target, email, 1, 300)).rejects.toThrow(/no mail/);
  });

  it('a token works once: the second verifyOtp and the second click are refused as otp_expired', async () => {
    const email = await signedUpUser('recover-reuse');
    await client(target, KEY).auth.resetPasswordForEmail(email, { redirectTo: APP });
    const link = firstLink(await waitForMail(target, email));
    const token_hash = link.searchParams.get('token')!;
    expect((await client(target, KEY).auth.verifyOtp({ type: 'recovery', token_hash })).error).toBeNull();
    const again = await client(target, KEY).auth.verifyOtp({ type: 'recovery', token_hash });
    expect(again.error).toMatchObject({ status: 403, code: 'otp_expired', message: 'Email link is invalid or has expired' });
    const click = await followLink(link);
    expect(click.status).toBe(303);
    expect(params(click.location.hash)).toEqual({
      error: 'access_denied',
      error_code: 'otp_expired',
      error_description: 'Email link is invalid or has expired',
      sb: '',
    });
  });

  it('an expired token is refused (otp_expiry counts from recovery_sent_at)', async () => {
    const email = await signedUpUser('recover-expired');
    await client(target, KEY).auth.resetPasswordForEmail(email);
    const link = firstLink(await waitForMail(target, email));
    await applySql(target, `update auth.users set recovery_sent_at = now() - interval '2 hours' where email = '${email}'`);
    const { error } = await client(target, KEY).auth.verifyOtp({ type: 'recovery', token_hash: link.searchParams.get('token')! });
    expect(error).toMatchObject({ status: 403, code: 'otp_expired' });
  });
});

describe('redirect_to allow-list (site_url + additional_redirect_urls, GoTrue glob rules)', () => {
  async function mailedRedirect(redirectTo: string): Promise<string | null> {
    const email = await signedUpUser('redirect');
    await client(target, KEY).auth.resetPasswordForEmail(email, { redirectTo });
    return firstLink(await waitForMail(target, email)).searchParams.get('redirect_to');
  }

  it.each([
    ['an allowed glob (** crosses /)', 'https://app.example.com/deep/path/reset', 'https://app.example.com/deep/path/reset'],
    ['a * glob within one host label', 'https://pr-12.preview.example.org/auth/callback', 'https://pr-12.preview.example.org/auth/callback'],
    ['site_url on another loopback port', 'http://127.0.0.1:3100/auth/confirm', 'http://127.0.0.1:3100/auth/confirm'],
    ['a host not on the list → site_url', 'https://evil.example.net/steal', 'http://127.0.0.1:3000'],
    ['* does not cross a dot → site_url', 'https://a.b.preview.example.org/auth/callback', 'http://127.0.0.1:3000'],
  ])('%s', async (_label, asked, expected) => {
    expect(await mailedRedirect(asked)).toBe(expected);
  });
});
