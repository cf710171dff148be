import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatStatusBlock, statusVariables } from '../../src/commands/output.ts';
import { loadConfig } from '../../src/config.ts';
import type { ApiKeys } from '../../src/shared/keys.ts';

function project(toml = ''): string {
  const root = mkdtempSync(join(tmpdir(), 'localbase-config-mail-'));
  mkdirSync(join(root, 'supabase', 'templates'), { recursive: true });
  writeFileSync(join(root, 'supabase', 'config.toml'), toml);
  return root;
}

describe('loadConfig: mail and rate limits', () => {
  it('defaults are the Supabase CLI\'s (and hosted Supabase\'s)', () => {
    const config = loadConfig(project(), {});
    expect(config.inbucket).toEqual({ enabled: true, port: 54324, adminEmail: 'admin@email.com', senderName: 'Admin' });
    expect(config.auth.rateLimit).toEqual({ emailSent: 2, signInSignUps: 30, tokenVerifications: 30, tokenRefresh: 150 });
    expect(config.auth.email).toMatchObject({ otpLength: 6, otpExpiry: 3600, maxFrequencySeconds: 1, templates: {} });
    expect(config.auth.additionalRedirectUrls).toEqual([]);
  });

  it('reads the sections, Go durations and SUPABASE_INBUCKET_PORT like the other port overrides', () => {
    const root = project(`[inbucket]\nport = 6004\n[auth.email]\nmax_frequency = "1m30s"\notp_length = 8\n[auth.rate_limit]\nemail_sent = 9\n`);
    const config = loadConfig(root, { SUPABASE_INBUCKET_PORT: '56324' });
    expect(config.inbucket.port).toBe(56324);
    expect(config.auth.email.maxFrequencySeconds).toBe(90);
    expect(config.auth.email.otpLength).toBe(8);
    expect(config.auth.rateLimit.emailSent).toBe(9);
  });

  it('a template\'s content_path is relative to the project root, as the CLI resolves it; a missing file stops start', () => {
    const root = project(`[auth.email.template.recovery]\nsubject = "Reset"\ncontent_path = "./supabase/templates/recovery.html"\n`);
    writeFileSync(join(root, 'supabase', 'templates', 'recovery.html'), '<p>{{ .Token }}</p>');
    expect(loadConfig(root, {}).auth.email.templates.recovery).toEqual({ subject: 'Reset', contentPath: join(root, 'supabase', 'templates', 'recovery.html') });
    const missing = project(`[auth.email.template.recovery]\ncontent_path = "./templates/recovery.html"\n`);
    expect(() => loadConfig(missing, {})).toThrow(/auth\.email\.template\.recovery\.content_path/);
  });

  it('a max_frequency that is not a duration names the setting', () => {
    expect(() => loadConfig(project(`[auth.email]\nmax_frequency = "soon"\n`), {})).toThrow(/\[auth\.email\] max_frequency = "soon"/);
  });
});

describe('status output: the mail catcher', () => {
  const keys = { anonKey: 'a', serviceRoleKey: 's', publishableKey: 'p', secretKey: 'k', jwtSecret: 'j' } as ApiKeys;

  it('MAILPIT_URL and INBUCKET_URL on loopback (also in LAN mode), "Mailpit URL" in the block; none when disabled', () => {
    const config = loadConfig(project(`[inbucket]\nport = 6004\n`), { LOCALBASE_API_HOST: '' });
    const vars = statusVariables(config, keys, 'http://192.168.1.20:54321');
    expect(vars.MAILPIT_URL).toBe('http://127.0.0.1:6004');
    expect(vars.INBUCKET_URL).toBe('http://127.0.0.1:6004');
    expect(Object.keys(vars)).toEqual([...Object.keys(vars)].sort());
    expect(formatStatusBlock(vars)).toContain('    Mailpit URL: http://127.0.0.1:6004');
    const off = statusVariables(loadConfig(project(`[inbucket]\nenabled = false\n`), {}), keys);
    expect(off.MAILPIT_URL).toBeUndefined();
    expect(formatStatusBlock(off)).not.toContain('Mailpit');
  });
});
