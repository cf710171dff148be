import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProject, runCli, type TestProject } from '../helpers/project.ts';

describe('bad input: one clear message with cause and fix, exit non-zero, data dir unharmed', () => {
  let project: TestProject | undefined;
  let blocker: Server | undefined;
  afterEach(async () => {
    blocker?.close();
    blocker = undefined;
    await project?.dispose();
    project = undefined;
  });

  it('a [db] port already in use', async () => {
    project = await createProject();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(project!.dbPort, '127.0.0.1', resolve));
    const result = await project.cli('start');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Error: Port ${project.dbPort} ([db] port in supabase/config.toml) is already in use by another process.`);
    expect(result.stderr).toMatch(/^Try: Stop that process .* or choose a free port for \[db\] port\.$/m);
    expect(existsSync(join(project.root, '.localbase', 'db'))).toBe(false);
  });

  it('a corrupt data dir is refused and left as it was', async () => {
    project = await createProject();
    const pgdata = join(project.root, '.localbase', 'db');
    mkdirSync(pgdata, { recursive: true });
    writeFileSync(join(pgdata, 'notes.txt'), 'precious');
    const result = await project.cli('start');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a PostgreSQL data directory (it has no PG_VERSION file)');
    expect(result.stderr).toContain('Try: Move .localbase/ aside');
    expect(readdirSync(pgdata)).toEqual(['notes.txt']);
    expect(readFileSync(join(pgdata, 'notes.txt'), 'utf8')).toBe('precious');
  });

  it('a data dir of another PostgreSQL major version is refused and left as it was', async () => {
    project = await createProject();
    const pgdata = join(project.root, '.localbase', 'db');
    mkdirSync(join(pgdata, 'global'), { recursive: true });
    writeFileSync(join(pgdata, 'PG_VERSION'), '15\n');
    const result = await project.cli('start');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('was created by PostgreSQL 15, but localbase runs PostgreSQL 17');
    expect(result.stderr).toContain('Try: Dump what you need with pg_dump');
    expect(readFileSync(join(pgdata, 'PG_VERSION'), 'utf8')).toBe('15\n');
  });

  it('no supabase/ folder', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'localbase-nosupabase-'));
    const result = await runCli(empty, ['start']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Error: No supabase/ folder in ${empty} or any folder above it.`);
    expect(result.stderr).toContain('supabase init');
    expect(existsSync(join(empty, '.localbase'))).toBe(false);
  });

  it('a stale pid file left by a crash is recovered with a notice, not obeyed', async () => {
    project = await createProject();
    mkdirSync(join(project.root, '.localbase'), { recursive: true });
    writeFileSync(join(project.root, '.localbase', 'localbase.pid'), '999999\n');
    expect((await project.cli('status')).code).toBe(1);
    const result = await project.cli('start');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Removed a stale pid file (process 999999 is not running');
    expect((await project.cli('status')).code).toBe(0);
  });

  it('an unknown command or output format', async () => {
    project = await createProject();
    const unknown = await project.cli('launch');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown command "launch"');
    const format = await project.cli('status', '-o', 'yaml');
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('Use `-o env`, `-o json` or `-o pretty`.');
  });
});
