import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type TestProject } from '../helpers/project.ts';

/** GoTrue's per-IP limiters admit a burst of 30 before the configured rate applies. */
const BURST = 30;
const HEADERS = { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' };

describe('[auth.rate_limit] and [auth.email] max_frequency (low values)', () => {
  let project: TestProject;
  let api = '';
  let mail = '';
  let key = '';
  beforeAll(async () => {
    project = await createProject({
      rateLimits: '[auth.rate_limit]\nemail_sent = 3\nsign_in_sign_ups = 1\ntoken_verifications = 1\ntoken_refresh = 1\n',
      extraToml: '[auth.email]\nmax_frequency = "60s"\n',
    });
    const started = await project.cli('start');
    if (started.code !== 0) throw new Error(`${started.stdout}\n${started.stderr}`);
    expect(started.stdout).toContain(`Mailpit URL: http://127.0.0.1:${project.mailPort}`);
    const vars = JSON.parse((await project.cli('status', '-o', 'json')).stdout) as Record<string, string>;
    api = `${vars.API_URL}/auth/v1`;
    mail = vars.MAILPIT_URL!;
    key = vars.PUBLISHABLE_KEY!;
  });
  afterAll(() => project.dispose());

  const post = (path: string, body: unknown) =>
    fetch(`${api}${path}`, { method: 'POST', headers: { ...HEADERS, apikey: key }, body: JSON.stringify(body) });

  /** Uses up what is left of the burst (`used` requests already went to this bucket), then one more must be the 429. */
  async function exhaust(path: string, body: unknown, used = 0): Promise<{ status: number; body: { code: string; message: string } }> {
    for (let i = used; i < BURST; i++) {
      const res = await post(path, body);
      expect(res.status, `request ${i + 1} of the burst`).not.toBe(429);
    }
    const res = await post(path, body);
    return { status: res.status, body: (await res.json()) as { code: string; message: string } };
  }

  const LIMITED = { status: 429, body: { code: 'over_request_rate_limit', message: 'Request rate limit reached' } };

  it('status prints MAILPIT_URL and the deprecated INBUCKET_URL, as the CLI does', async () => {
    const vars = JSON.parse((await project.cli('status', '-o', 'json')).stdout) as Record<string, string>;
    expect(vars.MAILPIT_URL).toBe(`http://127.0.0.1:${project.mailPort}`);
    expect(vars.INBUCKET_URL).toBe(vars.MAILPIT_URL);
  });

  it('max_frequency: a second recovery mail to one address within 60 s is 429 with GoTrue\'s message', async () => {
    expect((await post('/signup', { email: 'freq@example.com', password: 'correct-horse-1' })).status).toBe(200);
    expect((await post('/recover', { email: 'freq@example.com' })).status).toBe(200);
    const again = await post('/recover', { email: 'freq@example.com' });
    expect(again.status).toBe(429);
    const body = (await again.json()) as { code: string; message: string };
    expect(body.code).toBe('over_email_send_rate_limit');
    expect(body.message).toMatch(/^For security purposes, you can only request this after (59|60) seconds\.$/);
  });

  it('email_sent: the fourth mail within the hour is 429 over_email_send_rate_limit', async () => {
    // One mail went out in the previous test; two more fit.
    for (const who of ['a', 'b']) expect((await post('/otp', { email: `mail-${who}@example.com` })).status).toBe(200);
    const res = await post('/otp', { email: 'mail-c@example.com' });
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ code: 'over_email_send_rate_limit', message: 'email rate limit exceeded' });
    const listed = (await (await fetch(`${mail}/api/v1/messages`)).json()) as { total: number };
    expect(listed.total).toBe(3);
  });

  it('sign_in_sign_ups: /signup past the burst is 429 over_request_rate_limit', async () => {
    // One sign-up went out in the max_frequency test.
    expect(await exhaust('/signup', { email: 'not-an-address', password: 'correct-horse-1' }, 1)).toMatchObject(LIMITED);
  });

  it('sign_in_sign_ups: /recover has its own bucket, limited the same way', async () => {
    // Two recovery requests went out in the max_frequency test.
    expect(await exhaust('/recover', { email: 'nobody@example.com' }, 2)).toMatchObject(LIMITED);
  });

  it('token_verifications: /verify past the burst is 429', async () => {
    expect(await exhaust('/verify', { type: 'recovery', token_hash: 'f'.repeat(56) })).toMatchObject(LIMITED);
  });

  it('token_refresh: every /token grant shares one bucket; past the burst it is 429', async () => {
    expect(await exhaust('/token?grant_type=password', { email: 'nobody@example.com', password: 'wrong-password' })).toMatchObject(LIMITED);
    const refresh = await post('/token?grant_type=refresh_token', { refresh_token: 'whatever' });
    expect(refresh.status).toBe(429);
  });

  it('the catcher page lists the mail, and DELETE /api/v1/messages empties it', async () => {
    const page = await (await fetch(`${mail}/`)).text();
    expect(page).toContain('freq@example.com');
    expect((await fetch(`${mail}/api/v1/messages`, { method: 'DELETE' })).status).toBe(200);
    expect(((await (await fetch(`${mail}/api/v1/messages`)).json()) as { total: number }).total).toBe(0);
  });
});
