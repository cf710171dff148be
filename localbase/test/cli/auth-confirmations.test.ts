import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createProject, type TestProject } from '../helpers/project.ts';
import { firstLink, followLink, mailsTo, params, waitForMail } from '../conformance/mail-support.ts';
import type { Target } from '../conformance/target.ts';

const PASSWORD = 'correct-horse-1';

/** `[auth.email] enable_confirmations = true`: sign-ups and e-mail changes wait for the mailed link. */
describe('confirmation and e-mail change mails', () => {
  let project: TestProject;
  let target: Target;
  const sb = (): SupabaseClient =>
    createClient(target.url, target.publishableKey, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      realtime: typeof globalThis.WebSocket === 'undefined' ? { transport: WebSocket as unknown as typeof globalThis.WebSocket } : {},
    });

  beforeAll(async () => {
    project = await createProject({ extraToml: '[auth.email]\nenable_confirmations = true\n' });
    const started = await project.cli('start');
    if (started.code !== 0) throw new Error(`${started.stdout}\n${started.stderr}`);
    const vars = JSON.parse((await project.cli('status', '-o', 'json')).stdout) as Record<string, string>;
    target = { url: vars.API_URL!, publishableKey: vars.PUBLISHABLE_KEY!, mailUrl: vars.MAILPIT_URL } as Target;
  });
  afterAll(() => project.dispose());

  it('signUp mails a confirmation; the link confirms, signs in (fragment) and unlocks the password', async () => {
    const email = 'confirm-me@example.com';
    const { data } = await sb().auth.signUp({ email, password: PASSWORD });
    expect(data.session).toBeNull();
    expect(data.user?.confirmation_sent_at).toBeTruthy();
    expect((await sb().auth.signInWithPassword({ email, password: PASSWORD })).error).toMatchObject({ code: 'email_not_confirmed' });
    const mail = await waitForMail(target, email);
    expect(mail.Subject).toBe('Confirm your email address');
    const link = firstLink(mail);
    expect(link.searchParams.get('type')).toBe('signup');
    const { location } = await followLink(link);
    expect(location.origin).toBe('http://127.0.0.1:3000');
    expect(params(location.hash)).toMatchObject({ type: 'signup', token_type: 'bearer' });
    expect((await sb().auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();
  });

  it('resend({type: signup}) mails a new link once max_frequency (1 s) has passed; a confirmed address gets nothing', async () => {
    const email = 'resend-me@example.com';
    await sb().auth.signUp({ email, password: PASSWORD });
    const first = firstLink(await waitForMail(target, email));
    const tooSoon = await sb().auth.resend({ type: 'signup', email });
    expect(tooSoon.error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await sb().auth.resend({ type: 'signup', email })).error).toBeNull();
    const second = firstLink(await waitForMail(target, email, 2));
    expect(second.searchParams.get('token')).not.toBe(first.searchParams.get('token'));
    // The resent link replaces the first one.
    expect((await sb().auth.verifyOtp({ type: 'signup', token_hash: first.searchParams.get('token')! })).error).toMatchObject({ code: 'otp_expired' });
    expect((await sb().auth.verifyOtp({ type: 'signup', token_hash: second.searchParams.get('token')! })).error).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await sb().auth.resend({ type: 'signup', email })).error).toBeNull();
    expect(await mailsTo(target, email)).toHaveLength(2);
  });

  it('signInWithOtp for a new address sends the confirmation mail, whose code also signs in (type email)', async () => {
    const email = 'otp-new@example.com';
    expect((await sb().auth.signInWithOtp({ email })).error).toBeNull();
    const mail = await waitForMail(target, email);
    expect(mail.Subject).toBe('Confirm your email address');
    const { data, error } = await sb().auth.verifyOtp({ type: 'email', token_hash: firstLink(mail).searchParams.get('token')! });
    expect(error).toBeNull();
    expect(data.user?.email_confirmed_at).toBeTruthy();
  });

  it('updateUser({email}) mails the new address; its link completes the change', async () => {
    const email = 'old-address@example.com';
    const client = sb();
    await client.auth.signUp({ email, password: PASSWORD });
    await sb().auth.verifyOtp({ type: 'signup', token_hash: firstLink(await waitForMail(target, email)).searchParams.get('token')! });
    expect((await client.auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();
    const changed = await client.auth.updateUser({ email: 'new-address@example.com' });
    expect(changed.data.user).toMatchObject({ email, new_email: 'new-address@example.com' });
    const mail = await waitForMail(target, 'new-address@example.com');
    expect(mail.Subject).toBe('Confirm your new email address');
    expect(mail.HTML).toContain('new-address@example.com');
    const { data, error } = await sb().auth.verifyOtp({ type: 'email_change', token_hash: firstLink(mail).searchParams.get('token')! });
    expect(error).toBeNull();
    expect(data.user?.email).toBe('new-address@example.com');
  });
});
