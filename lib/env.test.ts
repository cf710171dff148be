import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicEnv, serverEnv } from './env';

const URL_OK = 'http://127.0.0.1:54321';

afterEach(() => {
  vi.unstubAllEnvs();
});

function stub(values: Record<string, string | undefined>) {
  for (const name of [
    'NEXT_PUBLIC_SUPABASE_URL',
    'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY',
    'NEXT_PUBLIC_SUPABASE_ANON_KEY',
    'SUPABASE_SECRET_KEY',
  ]) {
    vi.stubEnv(name, values[name]);
  }
}

describe('env', () => {
  it('env: reads the url and publishable key', () => {
    stub({ NEXT_PUBLIC_SUPABASE_URL: URL_OK, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'sb_publishable_x' });
    expect(publicEnv()).toEqual({ supabaseUrl: URL_OK, supabaseKey: 'sb_publishable_x' });
  });

  it('env: falls back to the anon key when no publishable key is set', () => {
    stub({ NEXT_PUBLIC_SUPABASE_URL: URL_OK, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: '', NEXT_PUBLIC_SUPABASE_ANON_KEY: 'anon.jwt' });
    expect(publicEnv().supabaseKey).toBe('anon.jwt');
  });

  it('env: names each missing variable and the fix', () => {
    stub({});
    expect(() => publicEnv()).toThrow(
      /NEXT_PUBLIC_SUPABASE_URL is not set; NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY is not set\. Run `npx localbase status -o env` or copy \.env\.example to \.env\.local/,
    );
  });

  it('env: rejects a url that is not http(s)', () => {
    stub({ NEXT_PUBLIC_SUPABASE_URL: 'ws://127.0.0.1:54321', NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'k' });
    expect(() => publicEnv()).toThrow(/NEXT_PUBLIC_SUPABASE_URL must be an http\(s\) URL/);
    stub({ NEXT_PUBLIC_SUPABASE_URL: 'nope', NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'k' });
    expect(() => publicEnv()).toThrow(/NEXT_PUBLIC_SUPABASE_URL must be an http\(s\) URL/);
  });

  it('env: the secret key is optional and server-side', () => {
    stub({ NEXT_PUBLIC_SUPABASE_URL: URL_OK, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'k' });
    expect(serverEnv().supabaseSecretKey).toBeUndefined();
    stub({ NEXT_PUBLIC_SUPABASE_URL: URL_OK, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'k', SUPABASE_SECRET_KEY: 'sb_secret_x' });
    expect(serverEnv()).toEqual({ supabaseUrl: URL_OK, supabaseKey: 'k', supabaseSecretKey: 'sb_secret_x' });
  });
});
