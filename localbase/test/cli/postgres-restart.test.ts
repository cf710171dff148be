import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, targetFromStatus, type Target } from '../conformance/target.ts';
import { realtimeClient, subscribed, systemEvents, waitFor } from '../conformance/realtime-support.ts';
import { createProject, type TestProject } from '../helpers/project.ts';

/**
 * A PostgreSQL that dies under a running stack (OOM killer, `kill -9`) is brought back by the daemon, and the
 * services recover without a restart of localbase: REST answers again, Realtime tells its subscribers and resumes.
 */
let project: TestProject;
let target: Target;
const clients: SupabaseClient[] = [];

beforeAll(async () => {
  project = await createProject({
    migrations: {
      '20240101000000_notes.sql': `create table public.notes (id int primary key, body text not null);
        grant select, insert on public.notes to anon;
        alter publication supabase_realtime add table public.notes;`,
    },
  });
  const started = await project.cli('start');
  if (started.code !== 0) throw new Error(`localbase start failed:\n${started.stdout}\n${started.stderr}`);
  const vars = JSON.parse((await project.cli('status', '-o', 'json')).stdout) as Record<string, string>;
  target = targetFromStatus(vars);
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.removeAllChannels()));
  await project?.dispose();
});

const postmasterPid = () => Number(readFileSync(join(project.root, '.localbase', 'db', 'postmaster.pid'), 'utf8').split('\n')[0]);

describe('PostgreSQL dying under a running stack', () => {
  it('is restarted by the daemon; REST answers again and Realtime subscribers are told, then get events again', async () => {
    const rest = client(target, target.publishableKey);
    const live = realtimeClient(target, target.publishableKey, '2.0.0');
    clients.push(rest, live);
    const inserted: number[] = [];
    const channel = live.channel('restart').on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'notes' }, (payload) => {
      inserted.push((payload.new as { id: number }).id);
    });
    const system = systemEvents(channel);
    expect((await subscribed(channel)).status).toBe('SUBSCRIBED');
    await waitFor(() => system.some((event) => event.status === 'ok'), 15_000, 'Subscribed to PostgreSQL');
    expect((await rest.from('notes').insert({ id: 1, body: 'before' })).error).toBeNull();
    await waitFor(() => inserted.includes(1), 10_000, 'the event before the crash');

    const before = postmasterPid();
    process.kill(before, 'SIGKILL');

    // Subscribers hear about the outage, then about the recovery.
    await waitFor(() => system.some((event) => event.status === 'error'), 20_000, 'the outage system event');
    await waitFor(() => system.filter((event) => event.status === 'ok').length >= 2, 60_000, 'Subscribed again');
    expect(postmasterPid()).not.toBe(before);
    expect((await project.cli('status')).code).toBe(0);

    const after = await rest.from('notes').insert({ id: 2, body: 'after' }).select().single();
    expect(after.error).toBeNull();
    expect(after.data).toEqual({ id: 2, body: 'after' });
    await waitFor(() => inserted.includes(2), 10_000, 'the event after the restart');

    const log = readFileSync(join(project.root, '.localbase', 'logs', 'localbase.log'), 'utf8');
    expect(log).toMatch(/PostgreSQL exited unexpectedly \(code null, signal SIGKILL\); restarting it\./);
    expect(log).toMatch(/PostgreSQL is back on port \d+/);
  }, 120_000);
});
