import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, targetFromStatus, type Target } from '../conformance/target.ts';
import { waitFor } from '../conformance/realtime-support.ts';
import { createProject, type TestProject } from '../helpers/project.ts';
import { isAlive } from '../../src/shared/processes.ts';

/**
 * PostgreSQL killed while Auth and REST are busy: connections checked out of the pools die mid-query. The daemon
 * must survive that (an unhandled `'error'` of a checked-out pg client used to kill it), restart PostgreSQL, answer
 * again, and every write it acknowledged must be in the table afterwards.
 */
const WORKERS = 16;
const USERS = 4;
const PASSWORD = 'load-test-password';

let project: TestProject;
let target: Target;

beforeAll(async () => {
  project = await createProject({
    migrations: {
      '20240101000000_writes.sql': `create table public.writes (id int primary key, worker int not null);
        grant insert on public.writes to anon;`,
    },
  });
  const started = await project.cli('start');
  if (started.code !== 0) throw new Error(`localbase start failed:\n${started.stdout}\n${started.stderr}`);
  target = targetFromStatus(JSON.parse((await project.cli('status', '-o', 'json')).stdout) as Record<string, string>);
  const admin = client(target, target.secretKey);
  for (let i = 0; i < USERS; i++) {
    const { error } = await admin.auth.admin.createUser({ email: `load${i}@example.com`, password: PASSWORD, email_confirm: true });
    if (error) throw error;
  }
}, 120_000);

afterAll(async () => {
  await project?.dispose();
});

const readPid = (file: string) => Number(readFileSync(join(project.root, '.localbase', file), 'utf8').split('\n')[0]);

describe('PostgreSQL killed under concurrent Auth and REST load', () => {
  it('keeps the daemon alive, restarts PostgreSQL, answers again and loses no acknowledged write', async () => {
    const daemonPid = readPid('localbase.pid');
    const postmasterBefore = readPid('db/postmaster.pid');
    const acknowledged: number[] = [];
    const outcomes = { ok: 0, failed: 0 };
    let running = true;
    let nextId = 1;

    // Half the workers sign in, half insert; every failure during the outage is expected and only counted.
    const worker = async (n: number) => {
      const rest = client(target, target.publishableKey);
      while (running) {
        try {
          if (n % 2 === 0) {
            const { error } = await rest.auth.signInWithPassword({ email: `load${n % USERS}@example.com`, password: PASSWORD });
            outcomes[error ? 'failed' : 'ok']++;
          } else {
            const id = nextId++;
            const { status } = await rest.from('writes').insert({ id, worker: n });
            if (status === 201) acknowledged.push(id);
            outcomes[status === 201 ? 'ok' : 'failed']++;
          }
        } catch {
          outcomes.failed++;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, (_, n) => worker(n)));

    await waitFor(() => outcomes.ok >= 100, 30_000, 'the load to get going');
    process.kill(postmasterBefore, 'SIGKILL');
    // Keep the load on through the outage and the restart.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(isAlive(daemonPid)).toBe(true);
    const okAtKill = outcomes.ok;
    await waitFor(() => outcomes.ok > okAtKill + 50, 60_000, 'requests to succeed again after the restart');
    running = false;
    await load;

    expect(isAlive(daemonPid)).toBe(true);
    expect(readPid('db/postmaster.pid')).not.toBe(postmasterBefore);
    expect((await project.cli('status')).code).toBe(0);

    const fresh = client(target, target.publishableKey);
    expect((await fresh.auth.signInWithPassword({ email: 'load0@example.com', password: PASSWORD })).error).toBeNull();
    expect((await fresh.from('writes').insert({ id: 1_000_000, worker: -1 })).status).toBe(201);

    const stored = new Set((await project.query<{ id: number }>('select id from public.writes')).map((row) => row.id));
    const lost = acknowledged.filter((id) => !stored.has(id));
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(lost).toEqual([]);

    const log = readFileSync(join(project.root, '.localbase', 'logs', 'localbase.log'), 'utf8');
    expect(log).toMatch(/PostgreSQL is back on port \d+/);
  }, 180_000);
});
