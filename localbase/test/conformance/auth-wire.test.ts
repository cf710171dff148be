import { SignJWT } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { uniqueEmail } from './target.ts';

const target = inject('target');
const AUTH = `${target.url}/auth/v1`;
const MODERN = { 'x-supabase-api-version': '2024-01-01' };

function post(path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${AUTH}${path}`, { method: 'POST', headers: { apikey: target.publishableKey, 'content-type': 'application/json', ...headers }, body });
}

describe('auth wire format', () => {
  it('errors: the 2024-01-01 format echoes the version header and carries x-sb-error-code', async () => {
    const res = await post('/token?grant_type=password', JSON.stringify({ email: uniqueEmail('nobody'), password: 'whatever1' }), MODERN);
    expect(res.status).toBe(400);
    expect(res.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(res.headers.get('x-sb-error-code')).toBe('invalid_credentials');
    expect(await res.json()).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
  });

  it('errors: without the version header the legacy format is used and nothing is echoed', async () => {
    const res = await post('/token?grant_type=password', JSON.stringify({ email: uniqueEmail('nobody'), password: 'whatever1' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('x-supabase-api-version')).toBeNull();
    expect(res.headers.get('x-sb-error-code')).toBe('invalid_credentials');
    expect(await res.json()).toMatchObject({ code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' });
  });

  it('errors: weak_password carries its reasons in both formats', async () => {
    const modern = await post('/signup', JSON.stringify({ email: uniqueEmail('weak'), password: '1' }), MODERN);
    expect(modern.status).toBe(422);
    expect(await modern.json()).toEqual({ code: 'weak_password', message: 'Password should be at least 6 characters.', weak_password: { reasons: ['length'] } });
    const legacy = await post('/signup', JSON.stringify({ email: uniqueEmail('weak'), password: '1' }));
    expect(await legacy.json()).toMatchObject({ code: 422, error_code: 'weak_password', weak_password: { reasons: ['length'] } });
  });

  it('bad JSON is 400 bad_json', async () => {
    const res = await post('/signup', '{"email":', MODERN);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('bad_json');
    expect(body.message).toMatch(/^Could not parse request body as JSON: /);
  });

  it('token: an unknown grant is 400 invalid_credentials, a missing refresh_token an OAuth error', async () => {
    const grant = await post('/token?grant_type=magic', '{}', MODERN);
    expect([grant.status, await grant.json()]).toEqual([400, { code: 'invalid_credentials', message: 'unsupported_grant_type' }]);
    const refresh = await post('/token?grant_type=refresh_token', '{}', MODERN);
    expect([refresh.status, await refresh.json()]).toEqual([400, { error: 'invalid_request', error_description: 'refresh_token required' }]);
  });

  it('GET /user: no bearer is 401 no_authorization, a forged token 403 bad_jwt, an API key 403 bad_jwt', async () => {
    const none = await fetch(`${AUTH}/user`, { headers: MODERN });
    expect([none.status, ((await none.json()) as { code: string }).code]).toEqual([401, 'no_authorization']);
    const forged = await new SignJWT({ sub: crypto.randomUUID(), role: 'authenticated', aud: 'authenticated' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-project-secret-but-long-enough-for-hs256'));
    const bad = await fetch(`${AUTH}/user`, { headers: { ...MODERN, authorization: `Bearer ${forged}` } });
    expect([bad.status, ((await bad.json()) as { code: string }).code]).toEqual([403, 'bad_jwt']);
    const apiKey = await fetch(`${AUTH}/user`, { headers: { ...MODERN, apikey: target.publishableKey } });
    expect([apiKey.status, ((await apiKey.json()) as { code: string }).code]).toEqual([403, 'bad_jwt']);
  });

  it('GET /health, /settings and /.well-known/jwks.json are public', async () => {
    const health = await fetch(`${AUTH}/health`);
    expect(await health.json()).toMatchObject({ name: 'GoTrue' });
    const settings = (await (await fetch(`${AUTH}/settings`)).json()) as { external: Record<string, boolean>; disable_signup: boolean; mailer_autoconfirm: boolean };
    expect(settings.external.email).toBe(true);
    expect(settings.disable_signup).toBe(false);
    expect(settings.mailer_autoconfirm).toBe(true);
    const jwks = await fetch(`${AUTH}/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    expect(Array.isArray(((await jwks.json()) as { keys: unknown[] }).keys)).toBe(true);
  });
});
