import { describe, expect, inject, it } from 'vitest';
import { client, TEST_PASSWORD, uniqueEmail } from './target.ts';
import { firstLink, followLink, mailsTo, params, waitForMail } from './mail-support.ts';

const target = inject('target');
const KEY = target.publishableKey;
const APP = 'https://app.example.com/welcome';

/** The code the project's magic-link template puts in the subject ("Your code is 123456"). */
function codeOf(subject: string): string {
  const code = /Your code is (\d+)/.exec(subject)?.[1];
  if (!code) throw new Error(`no code in "${subject}"`);
  return code;
}

describe('e-mail OTP and magic link (signInWithOtp)', () => {
  it('a project template renders every variable; the 6-digit code signs in once', async () => {
    const email = uniqueEmail('otp-code');
    const sb = client(target, KEY);
    const sent = await sb.auth.signInWithOtp({ email, options: { data: { name: 'Ana' }, emailRedirectTo: APP } });
    expect(sent.error).toBeNull();
    const mail = await waitForMail(target, email);
    const code = codeOf(mail.Subject);
    expect(code).toMatch(/^\d{6}$/);
    const link = firstLink(mail);
    expect(mail.HTML).toContain('<h1>Hello Ana</h1>');
    expect(mail.HTML).toContain(`Code for ${email}: <strong>${code}</strong>`);
    expect(mail.HTML).toContain(`to http://127.0.0.1:3000 (then ${APP}). Hash ${link.searchParams.get('token')}.`);
    expect(link.searchParams.get('type')).toBe('magiclink');
    expect(mail.Text).toContain(`Code for ${email}: ${code}`);

    const { data, error } = await sb.auth.verifyOtp({ email, token: code, type: 'email' });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email, user_metadata: { name: 'Ana', email_verified: true } });
    expect(data.user?.email_confirmed_at).toBeTruthy();
    const again = await client(target, KEY).auth.verifyOtp({ email, token: code, type: 'email' });
    expect(again.error).toMatchObject({ status: 403, code: 'otp_expired', message: 'Token has expired or is invalid' });
  });

  it('a wrong code is refused as otp_expired', async () => {
    const email = uniqueEmail('otp-wrong');
    await client(target, KEY).auth.signInWithOtp({ email });
    const code = codeOf((await waitForMail(target, email)).Subject);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const { error } = await client(target, KEY).auth.verifyOtp({ email, token: wrong, type: 'email' });
    expect(error).toMatchObject({ status: 403, code: 'otp_expired' });
  });

  it('the magic link (implicit flow) redirects with the session in the fragment, which is a working session', async () => {
    const email = uniqueEmail('magic-implicit');
    await client(target, KEY).auth.signUp({ email, password: TEST_PASSWORD });
    await client(target, KEY).auth.signInWithOtp({ email, options: { emailRedirectTo: APP } });
    const { status, location } = await followLink(firstLink(await waitForMail(target, email)));
    expect(status).toBe(303);
    expect(`${location.origin}${location.pathname}`).toBe(APP);
    const fragment = params(location.hash);
    expect(fragment).toMatchObject({ token_type: 'bearer', type: 'magiclink', expires_in: '3600', sb: '' });
    const { data } = await client(target, KEY).auth.getUser(fragment.access_token);
    expect(data.user?.email).toBe(email);
    const refreshed = await client(target, KEY).auth.refreshSession({ refresh_token: fragment.refresh_token! });
    expect(refreshed.error).toBeNull();
  });

  it('the magic link (PKCE) redirects with ?code=, exchanged for a magiclink session', async () => {
    const email = uniqueEmail('magic-pkce');
    const sb = client(target, KEY, { auth: { flowType: 'pkce' } });
    await sb.auth.signInWithOtp({ email, options: { emailRedirectTo: APP } });
    const { location } = await followLink(firstLink(await waitForMail(target, email)));
    const { data, error } = await sb.auth.exchangeCodeForSession(location.searchParams.get('code')!);
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
  });

  it('shouldCreateUser: false for an unknown address fails as GoTrue does, and sends nothing', async () => {
    const email = uniqueEmail('otp-nocreate');
    const { error } = await client(target, KEY).auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    expect(error).toMatchObject({ status: 422, code: 'otp_disabled', message: 'Signups not allowed for otp' });
    expect(await mailsTo(target, email)).toEqual([]);
  });
});

describe('mail catcher (Mailpit API v1)', () => {
  it('lists newest first with summary fields, returns one message, searches by recipient and deletes by ID', async () => {
    const email = uniqueEmail('catcher');
    await client(target, KEY).auth.signInWithOtp({ email });
    const mail = await waitForMail(target, email);
    const list = (await (await fetch(`${target.mailUrl}/api/v1/messages?limit=500`)).json()) as {
      total: number;
      messages: { ID: string; Created: string; Subject: string; To: { Address: string }[]; Snippet: string; From: unknown }[];
    };
    const mine = list.messages.find((m) => m.ID === mail.ID)!;
    expect(mine).toMatchObject({ Subject: mail.Subject, To: [{ Name: '', Address: email }], From: { Name: 'Admin', Address: 'admin@email.com' } });
    expect(mine.Snippet).toContain('Code for');
    const created = list.messages.map((m) => Date.parse(m.Created));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const page = await (await fetch(`${target.mailUrl}/`)).text();
    expect(page).toContain(`/view/${mail.ID}`);
    expect(await (await fetch(`${target.mailUrl}/view/${mail.ID}`)).text()).toContain(email);

    const deleted = await fetch(`${target.mailUrl}/api/v1/messages`, { method: 'DELETE', body: JSON.stringify({ IDs: [mail.ID] }) });
    expect(deleted.status).toBe(200);
    expect(await mailsTo(target, email)).toEqual([]);
    expect((await fetch(`${target.mailUrl}/api/v1/message/${mail.ID}`)).status).toBe(404);
  });
});
