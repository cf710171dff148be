import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

const roots: string[] = [];
function project(toml: string): string {
  const root = mkdtempSync(join(tmpdir(), 'localbase-auth-config-'));
  mkdirSync(join(root, 'supabase'));
  writeFileSync(join(root, 'supabase', 'config.toml'), toml);
  roots.push(root);
  return root;
}
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

describe('auth config', () => {
  it('loadConfig: auth defaults mirror the Supabase CLI', () => {
    expect(loadConfig(project('')).auth).toMatchObject({
      enableSignup: true,
      minimumPasswordLength: 6,
      enableRefreshTokenRotation: true,
      refreshTokenReuseInterval: 10,
      enableConfirmations: false,
    });
  });

  it('loadConfig: reads the [auth] refresh, signup and password keys', () => {
    const toml = '[auth]\nenable_signup = false\nminimum_password_length = 10\nenable_refresh_token_rotation = false\nrefresh_token_reuse_interval = 3\n';
    expect(loadConfig(project(toml)).auth).toMatchObject({
      enableSignup: false,
      minimumPasswordLength: 10,
      enableRefreshTokenRotation: false,
      refreshTokenReuseInterval: 3,
    });
  });
});
