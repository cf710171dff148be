import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, supabaseOrigins } from './csp.js';

function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([directiveName]) => directiveName === name);
  if (!found) throw new Error(`${name} missing from ${policy}`);
  return found.slice(1);
}

describe('csp', () => {
  it('csp: allows the supabase ws origin and nothing broader', () => {
    const policy = buildContentSecurityPolicy({ supabaseUrl: 'http://127.0.0.1:54321', dev: false });
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'http://127.0.0.1:54321', 'ws://127.0.0.1:54321']);
  });

  it('csp: in LAN mode connect-src names the LAN address, not loopback', () => {
    const policy = buildContentSecurityPolicy({ supabaseUrl: 'http://192.168.1.20:54321', dev: true });
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'http://192.168.1.20:54321', 'ws://192.168.1.20:54321']);
  });

  it('csp: maps https to wss and drops the path', () => {
    const policy = buildContentSecurityPolicy({ supabaseUrl: 'https://abcd.supabase.co/some/path', dev: false });
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'https://abcd.supabase.co', 'wss://abcd.supabase.co']);
  });

  it('csp: never contains a wildcard or a bare scheme source', () => {
    const policy = buildContentSecurityPolicy({ supabaseUrl: 'https://abcd.supabase.co', dev: true });
    const sources = policy.split(';').flatMap((part) => part.trim().split(/\s+/).slice(1));
    expect(sources.filter((source) => source.includes('*'))).toEqual([]);
    expect(sources.filter((source) => /^(ws|wss|http|https):$/.test(source))).toEqual([]);
  });

  it('csp: allows eval only in development', () => {
    const prod = buildContentSecurityPolicy({ supabaseUrl: 'http://127.0.0.1:54321', dev: false });
    const dev = buildContentSecurityPolicy({ supabaseUrl: 'http://127.0.0.1:54321', dev: true });
    expect(directive(prod, 'script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directive(dev, 'script-src')).toEqual(["'self'", "'unsafe-inline'", "'unsafe-eval'"]);
  });

  it('csp: locks framing, base, forms, objects and other fetches to self', () => {
    const policy = buildContentSecurityPolicy({ supabaseUrl: 'http://127.0.0.1:54321', dev: false });
    expect(directive(policy, 'default-src')).toEqual(["'self'"]);
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(policy, 'base-uri')).toEqual(["'self'"]);
    expect(directive(policy, 'form-action')).toEqual(["'self'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('csp: names the variable and the fix when the url is missing or invalid', () => {
    expect(() => supabaseOrigins(undefined)).toThrow(/NEXT_PUBLIC_SUPABASE_URL is not set.*localbase status -o env/);
    expect(() => supabaseOrigins('')).toThrow(/NEXT_PUBLIC_SUPABASE_URL is not set/);
    expect(() => supabaseOrigins('localhost:54321')).toThrow(/NEXT_PUBLIC_SUPABASE_URL must be an http\(s\) URL/);
    expect(() => supabaseOrigins('not a url')).toThrow(/NEXT_PUBLIC_SUPABASE_URL is not a URL/);
    expect(() => supabaseOrigins('ftp://example.com')).toThrow(/must be an http\(s\) URL/);
  });
});
