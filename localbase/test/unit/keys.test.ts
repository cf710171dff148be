import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEFAULT_JWT_SECRET } from '../../src/config.ts';
import { DEFAULT_PUBLISHABLE_KEY, DEFAULT_SECRET_KEY, mintApiKeyJwt } from '../../src/shared/keys.ts';

describe('api keys', () => {
  it('mints the anon and service_role keys the Supabase CLI mints for its default secret', async () => {
    const anon = await mintApiKeyJwt('anon', DEFAULT_JWT_SECRET);
    expect(decodeProtectedHeader(anon)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodeJwt(anon)).toEqual({ iss: 'supabase-demo', role: 'anon', exp: 1983812996 });
    // The one published literal worth pinning: apps and tutorials embed it, so it must match byte for byte.
    expect(anon.split('.')[2]).toBe('CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0');
    const service = await mintApiKeyJwt('service_role', DEFAULT_JWT_SECRET);
    expect(decodeJwt(service).role).toBe('service_role');
  });

  it('signs with the configured secret, so a custom secret gives keys only it verifies', async () => {
    const secret = 'another-secret-that-is-at-least-32-characters';
    const key = await mintApiKeyJwt('anon', secret);
    await expect(jwtVerify(key, new TextEncoder().encode(secret))).resolves.toBeTruthy();
    await expect(jwtVerify(key, new TextEncoder().encode(DEFAULT_JWT_SECRET))).rejects.toThrow();
  });

  it('uses the opaque key shapes supabase-js recognises', () => {
    expect(DEFAULT_PUBLISHABLE_KEY).toMatch(/^sb_publishable_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{8}$/);
    expect(DEFAULT_SECRET_KEY).toMatch(/^sb_secret_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{8}$/);
  });
});
