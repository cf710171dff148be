import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type CliResult, type TestProject } from '../helpers/project.ts';

/** A table as Rock-On's migrations make them: RLS with a policy, published, REPLICA IDENTITY FULL. */
const HEALTHY = `
create table public.songs (id bigint generated always as identity primary key, band_id uuid not null, title text not null);
alter table public.songs enable row level security;
create policy "members read songs" on public.songs for select to authenticated using (band_id is not null);
alter table public.songs replica identity full;
alter publication supabase_realtime add table public.songs;
`;

interface Line {
  symbol: string;
  name: string;
  detail: string;
}

/** The check lines of the pretty output: `✓ name: detail (12 ms)`. */
function checkLines(result: CliResult): Line[] {
  return [...result.stdout.matchAll(/^([✓✗!]) ([^:]+): (.*) \((?:\d+ ms|\d+\.\d\d s)\)$/gm)].map(([, symbol, name, detail]) => ({ symbol: symbol!, name: name!, detail: detail! }));
}

function line(result: CliResult, name: string): Line {
  const found = checkLines(result).find((l) => l.name === name);
  if (!found) throw new Error(`no "${name}" line in:\n${result.stdout}\n${result.stderr}`);
  return found;
}

describe('localbase doctor', () => {
  let project: TestProject;
  beforeAll(async () => {
    project = await createProject({ migrations: { '20260101000000_songs.sql': HEALTHY } });
  });
  afterAll(() => project.dispose());

  it('a stopped stack: exit 1, the stack check fails naming `npx localbase start`, later checks are skipped', async () => {
    const result = await project.cli('doctor');
    expect(result.code).toBe(1);
    expect(line(result, 'config.toml').symbol).toBe('✓');
    expect(line(result, 'stack')).toMatchObject({ symbol: '✗', detail: 'localbase is not running' });
    expect(result.stdout).toMatch(/^ {4}Fix: npx localbase start$/m);
    expect(checkLines(result).map((l) => l.name)).not.toContain('PostgreSQL');
    expect(result.stdout).toMatch(/Skipped \d+ later checks: they need "stack" to pass\./);
  });

  it('a healthy stack: exit 0 and every check ✓, Realtime replication exercised on the published table', async () => {
    expect((await project.cli('start')).code).toBe(0);
    const result = await project.cli('doctor');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = checkLines(result);
    expect(lines.filter((l) => l.symbol !== '✓')).toEqual([]);
    const names = lines.map((l) => l.name);
    for (const name of ['stack', 'PostgreSQL', 'wal_level', 'replication slots', 'gateway', 'Realtime handshake (publishable key)', 'Realtime handshake (anon JWT)', 'Realtime channel', 'JWT secret', 'row level security', 'replica identity (published tables)']) {
      expect(names).toContain(name);
    }
    expect(line(result, 'Realtime replication').detail).toBe('postgres_changes on public.songs: Subscribed to PostgreSQL');
    expect(result.stdout).toMatch(/^No failures, 0 warnings, \d+ passed/m);
  });

  it('-o json prints each check as {layer, name, status, detail, fix, ms}', async () => {
    const result = await project.cli('doctor', '-o', 'json');
    expect(result.code).toBe(0);
    const checks = JSON.parse(result.stdout) as { name: string; status: string; detail: string; fix: string | null; ms: number }[];
    expect(checks.length).toBe(checkLines(await project.cli('doctor')).length);
    for (const check of checks) {
      expect(Object.keys(check).sort()).toEqual(['detail', 'fix', 'layer', 'ms', 'name', 'status']);
      expect(check.status).toBe('ok');
      expect(typeof check.ms).toBe('number');
    }
  });

  it('a migration creating a table without RLS: ✗ with the alter table fix', async () => {
    const file = join(project.root, 'supabase', 'migrations', '20260102000000_open_notes.sql');
    writeFileSync(file, 'create table public.open_notes (id int primary key, note text);');
    try {
      // Also a regression test: the doctors above started Realtime's replication feed, whose active slot once made
      // `db reset` fail with "database postgres is used by an active logical replication slot".
      expect((await project.cli('db', 'reset')).code).toBe(0);
      const result = await project.cli('doctor');
      expect(result.code).toBe(1);
      expect(line(result, 'row level security')).toMatchObject({ symbol: '✗' });
      expect(line(result, 'row level security').detail).toContain('public.open_notes');
      expect(result.stdout).toContain('Fix: alter table public.open_notes enable row level security;');
      // Not published either: listed, so a user whose events never arrive sees why.
      expect(line(result, 'realtime tables').detail).toMatch(/not published .*public\.open_notes/);
    } finally {
      rmSync(file);
      await project.query('drop table if exists public.open_notes');
    }
  });

  it('a published table with default replica identity: a warning naming the policy columns, exit 0', async () => {
    await project.query(`create table public.setlists (id int primary key, band_id uuid not null);
      alter table public.setlists enable row level security;
      create policy "members read setlists" on public.setlists for select to authenticated using (band_id is not null);
      alter publication supabase_realtime add table public.setlists;`);
    try {
      const result = await project.cli('doctor');
      expect(result.code).toBe(0);
      const identity = line(result, 'replica identity (published tables)');
      expect(identity.symbol).toBe('!');
      expect(identity.detail).toContain('public.setlists (its policies read band_id)');
      expect(identity.detail).not.toContain('public.songs');
      expect(result.stdout).toContain('Fix: alter table public.setlists replica identity full;');
      expect(result.stdout).toMatch(/^No failures, 1 warning, /m);
    } finally {
      await project.query('drop table public.setlists');
    }
  });

  it('a published table without a primary key: ✗ naming the postgres_changes error', async () => {
    await project.query(`create table public.gig_log (note text);
      alter table public.gig_log enable row level security;
      create policy "read" on public.gig_log for select to authenticated using (true);
      alter publication supabase_realtime add table public.gig_log;`);
    try {
      const result = await project.cli('doctor');
      expect(result.code).toBe(1);
      const pk = line(result, 'primary keys (published tables)');
      expect(pk.symbol).toBe('✗');
      expect(pk.detail).toContain('public.gig_log');
      expect(pk.detail).toContain('Error 400: Bad Request, no primary key');
      expect(result.stdout).toContain('Fix: alter table public.gig_log add column id bigint generated always as identity primary key;');
    } finally {
      await project.query('drop table public.gig_log');
    }
  });

  it('a table named by a reserved word: the printed fix quotes it, so it pastes and runs', async () => {
    await project.query('create table public."order" (id int primary key)');
    try {
      const result = await project.cli('doctor');
      expect(result.stdout).toContain('Fix: alter table public."order" enable row level security;');
      await project.query('alter table public."order" enable row level security;');
      expect(line(await project.cli('doctor'), 'row level security')).toMatchObject({ symbol: '✓' });
    } finally {
      await project.query('drop table if exists public."order"');
    }
  });

  it('RLS without any policy: a warning that every row is hidden', async () => {
    await project.query('create table public.vault (id int primary key); alter table public.vault enable row level security;');
    try {
      const result = await project.cli('doctor');
      expect(result.code).toBe(0);
      const policies = line(result, 'RLS policies');
      expect(policies.symbol).toBe('!');
      expect(policies.detail).toContain('public.vault: every row is hidden from anon and authenticated');
    } finally {
      await project.query('drop table public.vault');
    }
  });

  it('a leftover logical replication slot: ✗ naming it and the WAL it retains, with the drop statement', async () => {
    await project.query("select pg_create_logical_replication_slot('stale_slot', 'pgoutput')");
    try {
      const result = await project.cli('doctor');
      expect(result.code).toBe(1);
      const slots = line(result, 'replication slots');
      expect(slots.symbol).toBe('✗');
      expect(slots.detail).toMatch(/stale_slot \(logical, pgoutput\) retains \d+ (bytes|kB|MB) of WAL/);
      expect(result.stdout).toContain("Fix: select pg_drop_replication_slot('stale_slot');");
    } finally {
      await project.query("select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = 'stale_slot'");
    }
  });

  it('a jwt_secret changed after start: the running stack rejects keys signed with it, and the fix is a restart', async () => {
    const config = join(project.root, 'supabase', 'config.toml');
    const original = project.configToml;
    writeFileSync(config, `${original}\n[auth]\njwt_secret = "another-secret-that-is-at-least-32-characters"\n`);
    try {
      const result = await project.cli('doctor');
      expect(result.code).toBe(1);
      expect(line(result, 'JWT secret').symbol).toBe('✗');
      expect(line(result, 'JWT secret').detail).toContain('started with another secret');
      expect(line(result, 'Realtime handshake (anon JWT)').detail).toContain('→ 401');
      expect(result.stdout).toContain('Fix: npx localbase stop && npx localbase start');
    } finally {
      writeFileSync(config, original);
    }
  });

  describe('--app-url', () => {
    let server: Server;
    let policy = '';
    let appUrl = '';
    beforeAll(async () => {
      server = createServer((_request, response) => {
        response.setHeader('content-security-policy', policy);
        response.end('<html></html>');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      appUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('a connect-src without the ws form: ✗ naming the missing ws origin', async () => {
      policy = `default-src 'self'; connect-src 'self' http://127.0.0.1:${project.apiPort}`;
      const result = await project.cli('doctor', '--app-url', appUrl);
      expect(result.code).toBe(1);
      const csp = line(result, 'Content-Security-Policy');
      expect(csp.symbol).toBe('✗');
      expect(csp.detail).toContain(`but not ws://127.0.0.1:${project.apiPort}`);
    });

    it('a connect-src with the http and ws forms: ✓', async () => {
      policy = `default-src 'self'; connect-src 'self' http://127.0.0.1:${project.apiPort} ws://127.0.0.1:${project.apiPort}`;
      const result = await project.cli('doctor', '--app-url', appUrl);
      expect(result.code).toBe(0);
      expect(line(result, 'Content-Security-Policy').symbol).toBe('✓');
    });
  });
});

describe('localbase doctor without a stack', () => {
  it('a jwt_secret shorter than 32 characters fails the config check, before anything else', async () => {
    const project = await createProject();
    try {
      writeFileSync(join(project.root, 'supabase', 'config.toml'), `[api]\nport = ${project.apiPort}\n[db]\nport = ${project.dbPort}\n[auth]\njwt_secret = "too-short"\n`);
      const result = await project.cli('doctor', '-o', 'json');
      expect(result.code).toBe(1);
      const checks = JSON.parse(result.stdout) as { name: string; status: string; detail: string }[];
      expect(checks).toHaveLength(1);
      expect(checks[0]).toMatchObject({ name: 'config.toml', status: 'fail' });
      expect(checks[0]!.detail).toContain('9 characters');
    } finally {
      await project.dispose();
    }
  });
});
