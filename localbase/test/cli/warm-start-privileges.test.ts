import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, targetFromStatus, type Target } from '../conformance/target.ts';
import { createProject, type TestProject } from '../helpers/project.ts';

/**
 * The base privileges (default grants to anon, authenticated, service_role) are set once, when the database is
 * created or reset, as Supabase's init scripts set them. A warm `start` must not grant them again over the
 * REVOKEs a project's migrations made.
 */
let project: TestProject;

beforeAll(async () => {
  project = await createProject({
    migrations: {
      '20240101000000_private_rpc.sql': `create function public.internal_total() returns int language sql as 'select 42';
        create table public.internal_notes (id int primary key);
        revoke execute on function public.internal_total() from public, anon;
        revoke all on public.internal_notes from anon;`,
    },
  });
}, 60_000);

afterAll(async () => {
  await project?.dispose();
});

async function startedTarget(): Promise<Target> {
  const started = await project.cli('start');
  if (started.code !== 0) throw new Error(`localbase start failed:\n${started.stdout}\n${started.stderr}`);
  return targetFromStatus(JSON.parse((await project.cli('status', '-o', 'json')).stdout) as Record<string, string>);
}

async function anonAccess(target: Target) {
  const anon = client(target, target.publishableKey);
  const rpc = await anon.rpc('internal_total');
  const read = await anon.from('internal_notes').select();
  return { rpc: [rpc.status, rpc.error?.code], read: [read.status, read.error?.code] };
}

describe('privileges of an existing database', () => {
  it('keeps the REVOKEs of migrations across stop and a warm start', async () => {
    // PostgREST answers 401 with 42501 to an anonymous request without the privilege (`[pgrst] Error.hs`).
    const denied = { rpc: [401, '42501'], read: [401, '42501'] };
    expect(await anonAccess(await startedTarget())).toEqual(denied);
    expect((await project.cli('stop')).code).toBe(0);
    expect(await anonAccess(await startedTarget())).toEqual(denied);
    // Still granted to the roles the migration left alone.
    const rows = await project.query<{ granted: boolean }>("select has_function_privilege('authenticated', 'public.internal_total()', 'execute') as granted");
    expect(rows[0]!.granted).toBe(true);
  }, 120_000);
});
