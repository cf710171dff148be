import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type TestProject } from '../helpers/project.ts';

/** Runs `work` as PostgREST would for a request: as authenticator, then `role` with `request.jwt.claims` set locally. */
async function asRequest<T>(project: TestProject, claims: Record<string, unknown>, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: project.dbUrl.replace('postgres:postgres@', 'authenticator:postgres@') });
  await client.connect();
  try {
    await client.query('begin');
    await client.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [claims.role ?? 'anon', JSON.stringify(claims)]);
    const result = await work(client);
    await client.query('rollback');
    return result;
  } finally {
    await client.end();
  }
}

describe('base schema', () => {
  let project: TestProject;
  beforeAll(async () => {
    project = await createProject({
      migrations: {
        '20240101000000_notes.sql': `
          create table public.notes (id serial primary key, owner uuid not null, body text);
          alter table public.notes enable row level security;
          create policy "own notes" on public.notes for all to authenticated using (owner = auth.uid()) with check (owner = auth.uid());`,
      },
    });
    expect((await project.cli('start')).code).toBe(0);
  });
  afterAll(() => project.dispose());

  it('auth.uid(), auth.role(), auth.email() and auth.jwt() read request.jwt.claims as upstream', async () => {
    const sub = randomUUID();
    const claims = { sub, role: 'authenticated', email: 'a@example.com', aal: 'aal1' };
    const [row] = await asRequest(project, claims, async (c) => (await c.query('select auth.uid() as uid, auth.role() as role, auth.email() as email, auth.jwt() as jwt')).rows);
    expect(row).toEqual({ uid: sub, role: 'authenticated', email: 'a@example.com', jwt: claims });
    const [anon] = await asRequest(project, { role: 'anon' }, async (c) => (await c.query('select auth.uid() as uid, current_user as usr')).rows);
    expect(anon).toEqual({ uid: null, usr: 'anon' });
  });

  it('has the Supabase roles: service_role bypasses RLS, authenticator logs in and switches role', async () => {
    const roles = await project.query<{ rolname: string; rolbypassrls: boolean; rolcanlogin: boolean }>(
      "select rolname, rolbypassrls, rolcanlogin from pg_roles where rolname in ('anon','authenticated','service_role','authenticator') order by rolname",
    );
    expect(roles).toEqual([
      { rolname: 'anon', rolbypassrls: false, rolcanlogin: false },
      { rolname: 'authenticated', rolbypassrls: false, rolcanlogin: false },
      { rolname: 'authenticator', rolbypassrls: false, rolcanlogin: true },
      { rolname: 'service_role', rolbypassrls: true, rolcanlogin: false },
    ]);
  });

  it('RLS on auth.uid(): each user sees own rows, anon none, service_role all', async () => {
    const alice = randomUUID();
    const bob = randomUUID();
    await project.query('insert into public.notes (owner, body) values ($1, $2), ($3, $4)', [alice, 'alice', bob, 'bob']);
    const seen = async (claims: Record<string, unknown>) =>
      asRequest(project, claims, async (c) => (await c.query<{ body: string }>('select body from public.notes order by body')).rows.map((r) => r.body));
    expect(await seen({ sub: alice, role: 'authenticated' })).toEqual(['alice']);
    expect(await seen({ sub: bob, role: 'authenticated' })).toEqual(['bob']);
    expect(await seen({ role: 'anon' })).toEqual([]);
    expect(await seen({ role: 'service_role' })).toEqual(['alice', 'bob']);
    await expect(
      asRequest(project, { sub: alice, role: 'authenticated' }, (c) => c.query('insert into public.notes (owner, body) values ($1, $2)', [bob, 'forged'])),
    ).rejects.toThrow(/row-level security/);
  });

  it('keeps auth.users away from the API roles', async () => {
    await expect(asRequest(project, { role: 'authenticated', sub: randomUUID() }, (c) => c.query('select * from auth.users'))).rejects.toThrow(/permission denied/);
  });

  it('has auth tables, pgcrypto in extensions, an empty supabase_realtime publication and the migration history', async () => {
    const tables = await project.query<{ t: string }>(
      "select table_schema || '.' || table_name as t from information_schema.tables where table_schema in ('auth','supabase_migrations') order by 1",
    );
    expect(tables.map((r) => r.t)).toEqual([
      'auth.flow_state',
      'auth.identities',
      'auth.mfa_amr_claims',
      'auth.one_time_tokens',
      'auth.refresh_tokens',
      'auth.sessions',
      'auth.users',
      'supabase_migrations.schema_migrations',
    ]);
    const [crypt] = await project.query<{ ok: boolean }>("select extensions.crypt('pw', extensions.gen_salt('bf')) like '$2a$%' as ok");
    expect(crypt!.ok).toBe(true);
    const publication = await project.query("select * from pg_publication_tables where pubname = 'supabase_realtime'");
    expect(publication).toEqual([]);
    expect(await project.query("select 1 from pg_publication where pubname = 'supabase_realtime'")).toHaveLength(1);
    const [{ wal_level }] = (await project.query<{ wal_level: string }>('show wal_level')) as [{ wal_level: string }];
    expect(wal_level).toBe('logical');
  });
});
