import { createServerClient } from '@supabase/ssr';
import { describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { uniqueEmail } from './target.ts';

const target = inject('target');
const PASSWORD = 'correct-horse-1';
const STORAGE_KEY = `sb-${new URL(target.url).hostname.split('.')[0]}-auth-token`;

const KEYS = [
  ['legacy anon JWT', target.anonKey],
  ['sb_publishable_ key', target.publishableKey],
] as const;

/** What a Next.js request/response pair does with cookies, reduced to a Map. */
function cookieJar() {
  const jar = new Map<string, string>();
  return {
    jar,
    cookies: {
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      setAll: (cookies: { name: string; value: string; options: { maxAge?: number } }[]) => {
        for (const { name, value, options } of cookies) {
          if (options.maxAge === 0) jar.delete(name);
          else jar.set(name, value);
        }
      },
    },
  };
}

function serverClient(key: string, cookies: ReturnType<typeof cookieJar>['cookies']) {
  // Node 20 has no global WebSocket; supabase-js needs one at construction (README, "Node 20 and WebSocket").
  const transport = typeof globalThis.WebSocket === 'undefined' ? (WebSocket as unknown as typeof globalThis.WebSocket) : undefined;
  return createServerClient(target.url, key, { cookies, realtime: transport ? { transport } : {} });
}

describe.each(KEYS)('@supabase/ssr cookie sessions with the %s', (_name, key) => {
  it('signInWithPassword writes the session cookie, and a new server client reads it back', async () => {
    const email = uniqueEmail('ssr');
    const { jar, cookies } = cookieJar();
    await serverClient(key, cookies).auth.signUp({ email, password: PASSWORD });
    jar.clear();

    const { data, error } = await serverClient(key, cookies).auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect([...jar.keys()]).toEqual([STORAGE_KEY]);
    expect(jar.get(STORAGE_KEY)).toMatch(/^base64-/);

    const next = serverClient(key, cookies);
    const user = await next.auth.getUser();
    expect(user.error).toBeNull();
    expect(user.data.user?.id).toBe(data.user?.id);
    const claims = await next.auth.getClaims();
    expect(claims.data?.claims.session_id).toBeTruthy();
  });

  it('a large session is chunked into .0/.1 cookies and still reads back', async () => {
    const email = uniqueEmail('ssr-big');
    const { jar, cookies } = cookieJar();
    // ~600 characters appear in the user, its identity and the JWT: enough to pass the 3180-character chunk size.
    const bio = 'la '.repeat(200);
    await serverClient(key, cookies).auth.signUp({ email, password: PASSWORD, options: { data: { bio } } });
    jar.clear();

    await serverClient(key, cookies).auth.signInWithPassword({ email, password: PASSWORD });
    const names = [...jar.keys()].sort();
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names).toEqual(names.map((_, i) => `${STORAGE_KEY}.${i}`));

    const { data, error } = await serverClient(key, cookies).auth.getUser();
    expect(error).toBeNull();
    expect(data.user?.user_metadata.bio).toBe(bio);
  });

  it('a refresh through the cookie rewrites it with the rotated token', async () => {
    const email = uniqueEmail('ssr-refresh');
    const { jar, cookies } = cookieJar();
    await serverClient(key, cookies).auth.signUp({ email, password: PASSWORD });
    const before = jar.get(STORAGE_KEY);
    const { data, error } = await serverClient(key, cookies).auth.refreshSession();
    expect(error).toBeNull();
    expect(data.session?.refresh_token).toBeTruthy();
    expect(jar.get(STORAGE_KEY)).not.toBe(before);
    expect((await serverClient(key, cookies).auth.getUser()).data.user?.email).toBe(email);
  });
});
