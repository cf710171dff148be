import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_JWT_SECRET, loadConfig } from '../../src/config.ts';
import { UserError } from '../../src/shared/errors.ts';

function project(toml?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'localbase-config-'));
  mkdirSync(join(root, 'supabase'));
  if (toml !== undefined) writeFileSync(join(root, 'supabase', 'config.toml'), toml);
  return root;
}

describe('loadConfig', () => {
  it('defaults mirror the Supabase CLI', () => {
    const config = loadConfig(project());
    expect(config.api.port).toBe(54321);
    expect(config.db.port).toBe(54322);
    expect(config.api.schemas).toEqual(['public', 'graphql_public']);
    expect(config.auth.jwtSecret).toBe(DEFAULT_JWT_SECRET);
    expect(config.auth.jwtExpiry).toBe(3600);
  });

  it('reads ports, expiry and confirmations from config.toml', () => {
    const root = project('[api]\nport = 6001\n[db]\nport = 6002\n[auth]\njwt_expiry = 20\n[auth.email]\nenable_confirmations = true\n');
    const config = loadConfig(root);
    expect([config.api.port, config.db.port, config.auth.jwtExpiry, config.auth.enableConfirmations]).toEqual([6001, 6002, 20, true]);
    expect(config.dataDir).toBe(join(root, '.localbase'));
  });

  it('finds the project from a subfolder, as the CLI does', () => {
    const root = project('[db]\nport = 6003\n');
    mkdirSync(join(root, 'app', 'deep'), { recursive: true });
    expect(loadConfig(join(root, 'app', 'deep')).projectRoot).toBe(root);
  });

  it('names the cause and the fix for a missing supabase folder, a bad port and broken TOML', () => {
    const empty = mkdtempSync(join(tmpdir(), 'localbase-none-'));
    expect(() => loadConfig(empty)).toThrowError(UserError);
    expect(() => loadConfig(empty)).toThrow(/No supabase\/ folder/);
    expect(() => loadConfig(project('[db]\nport = 70000\n'))).toThrow(/\[db\] port = 70000 .* is not a TCP port/);
    expect(() => loadConfig(project('[db\nport = 1'))).toThrow(/is not valid TOML/);
  });

  it('SUPABASE_<SECTION>_<KEY> overrides config.toml, as the Supabase CLI lets it', () => {
    const root = project('[api]\nport = 6001\nschemas = ["public"]\n[auth]\njwt_expiry = 3600\n[auth.email]\nenable_confirmations = true\n');
    const env = { SUPABASE_AUTH_JWT_EXPIRY: '20', SUPABASE_API_PORT: '6101', SUPABASE_AUTH_EMAIL_ENABLE_CONFIRMATIONS: 'false', SUPABASE_API_SCHEMAS: 'public, api' };
    const config = loadConfig(root, env);
    expect([config.auth.jwtExpiry, config.api.port, config.auth.enableConfirmations]).toEqual([20, 6101, false]);
    expect(config.api.schemas).toEqual(['public', 'api']);
    expect(loadConfig(root, {}).auth.jwtExpiry).toBe(3600);
  });

  it('names the variable when an override has the wrong type', () => {
    const root = project();
    expect(() => loadConfig(root, { SUPABASE_AUTH_JWT_EXPIRY: 'soon' })).toThrow(/SUPABASE_AUTH_JWT_EXPIRY=soon is not a number/);
    expect(() => loadConfig(root, { SUPABASE_AUTH_ENABLE_SIGNUP: 'yes' })).toThrow(/SUPABASE_AUTH_ENABLE_SIGNUP=yes is not true or false/);
    expect(() => loadConfig(root, { SUPABASE_DB_PORT: '70000' })).toThrow(/SUPABASE_DB_PORT\) is not a TCP port/);
  });

  it('listens on loopback only and announces 127.0.0.1 unless LOCALBASE_API_HOST names a LAN address', () => {
    const root = project('[api]\nport = 6001\n');
    const loopback = loadConfig(root, {});
    expect(loopback.api.listenHosts).toEqual(['127.0.0.1']);
    expect(loopback.api.externalUrl).toBe('http://127.0.0.1:6001');
    const lan = loadConfig(root, { LOCALBASE_API_HOST: '192.168.1.20' });
    expect(lan.api.listenHosts).toEqual(['127.0.0.1', '192.168.1.20']);
    expect(lan.api.externalUrl).toBe('http://192.168.1.20:6001');
    expect(loadConfig(root, { LOCALBASE_API_HOST: 'fd00::2' }).api.externalUrl).toBe('http://[fd00::2]:6001');
  });

  it('[api] external_url (or SUPABASE_API_EXTERNAL_URL) sets the announced URL, without a trailing slash', () => {
    const root = project('[api]\nport = 6001\nexternal_url = "http://band-laptop.local:6001/"\n');
    expect(loadConfig(root, { LOCALBASE_API_HOST: '192.168.1.20' }).api.externalUrl).toBe('http://band-laptop.local:6001');
    expect(loadConfig(root, { SUPABASE_API_EXTERNAL_URL: 'http://10.0.0.5:6001' }).api.externalUrl).toBe('http://10.0.0.5:6001');
  });

  it('refuses a LOCALBASE_API_HOST that is not one LAN address: a name, a wildcard, loopback', () => {
    const root = project();
    expect(() => loadConfig(root, { LOCALBASE_API_HOST: 'band-laptop' })).toThrow(/LOCALBASE_API_HOST=band-laptop is not an IP address/);
    expect(() => loadConfig(root, { LOCALBASE_API_HOST: '0.0.0.0' })).toThrow(/would listen on every interface/);
    expect(() => loadConfig(root, { LOCALBASE_API_HOST: '::' })).toThrow(/would listen on every interface/);
    expect(() => loadConfig(root, { LOCALBASE_API_HOST: '127.0.0.2' })).toThrow(/is a loopback address/);
    expect(loadConfig(root, { LOCALBASE_API_HOST: '' }).api.listenHosts).toEqual(['127.0.0.1']);
  });
});
