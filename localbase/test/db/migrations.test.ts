import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProject, type TestProject } from '../helpers/project.ts';

const CREATE_BANDS = `-- bands
create table public.bands (id serial primary key, name text not null unique);
insert into public.bands (name) values ('from migration');
`;

describe('migrations, seed and db reset', () => {
  let project: TestProject | undefined;
  afterEach(async () => {
    await project?.dispose();
    project = undefined;
  });

  it('applies each migration once, in filename order, recorded as the Supabase CLI records it', async () => {
    project = await createProject({
      migrations: {
        '20240102000000_add_genre.sql': 'alter table public.bands add column genre text;',
        '20240101000000_create_bands.sql': CREATE_BANDS,
        'notes.sql': 'select 1;',
      },
      seed: "insert into public.bands (name, genre) values ('Seeded', 'rock');",
    });
    const first = await project.cli('start');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Applying migration supabase/migrations/20240101000000_create_bands.sql...');
    expect(first.stdout.indexOf('20240101000000')).toBeLessThan(first.stdout.indexOf('20240102000000'));
    expect(first.stdout).toMatch(/^Applied 2 migrations \(\d+ ms\)$/m);
    expect(first.stdout).toContain('Skipping migration notes.sql');
    expect(first.stdout).toMatch(/^Seeded data from supabase\/seed.sql/m);
    const history = await project.query('select version, name, statements from supabase_migrations.schema_migrations order by version');
    expect(history).toEqual([
      {
        version: '20240101000000',
        name: 'create_bands',
        statements: ['-- bands\ncreate table public.bands (id serial primary key, name text not null unique)', "insert into public.bands (name) values ('from migration')"],
      },
      { version: '20240102000000', name: 'add_genre', statements: ['alter table public.bands add column genre text'] },
    ]);

    await project.cli('stop');
    project.writeMigration('20240103000000_add_city.sql', 'alter table public.bands add column city text;');
    const second = await project.cli('start');
    expect(second.stdout).toMatch(/^Applied 1 migration \(\d+ ms\)$/m);
    expect(second.stdout).not.toContain('create_bands.sql');
    expect(second.stdout).not.toContain('Seeded');
    expect(await project.query('select name from public.bands order by id')).toEqual([{ name: 'from migration' }, { name: 'Seeded' }]);
  });

  it('db reset recreates the database, reapplies the migrations and reseeds', async () => {
    project = await createProject({ migrations: { '20240101000000_create_bands.sql': CREATE_BANDS }, seed: "insert into public.bands (name) values ('Seeded');" });
    await project.cli('start');
    await project.query("insert into public.bands (name) values ('added by hand')");
    await project.query('create table public.stray (id int)');
    const reset = await project.cli('db', 'reset');
    expect(reset.stderr).toBe('');
    expect(reset.code).toBe(0);
    // "(N ms)", or past a second on a busy machine "(N.NN s)" (DROP DATABASE waits for a checkpoint): the format, not the speed.
    expect(reset.stdout).toMatch(/^Recreated database postgres \((\d+ ms|\d+\.\d\d s)\)$/m);
    expect(reset.stdout).toMatch(/^Finished localbase db reset in /m);
    expect(await project.query('select name from public.bands order by id')).toEqual([{ name: 'from migration' }, { name: 'Seeded' }]);
    expect(await project.query("select 1 from pg_tables where tablename = 'stray'")).toEqual([]);
    expect(await project.query('select version from supabase_migrations.schema_migrations')).toEqual([{ version: '20240101000000' }]);
  });

  it('a broken migration stops with the file, the line and PostgreSQL\'s message; earlier ones stay applied', async () => {
    project = await createProject({
      migrations: {
        '20240101000000_create_bands.sql': CREATE_BANDS,
        '20240102000000_broken.sql': 'alter table public.bands add column genre text;\n\ncreate tablee oops (id int);\n',
        '20240103000000_after.sql': 'create table public.after_broken (id int);',
      },
      seed: "insert into public.bands (name) values ('Seeded');",
    });
    const failed = await project.cli('start');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Error: supabase/migrations/20240102000000_broken.sql:3: syntax error at or near "tablee" (SQLSTATE 42601)');
    expect(failed.stderr).toContain('3 | create tablee oops (id int);');
    expect(failed.stderr).toMatch(/Try: Fix the migration/);
    expect((await project.cli('status')).code).toBe(1);

    // Fixed: the next start applies the rest and runs the seed the failed cold start never reached.
    project.writeMigration('20240102000000_broken.sql', 'alter table public.bands add column genre text;\n');
    const fixed = await project.cli('start');
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).not.toContain('create_bands.sql');
    expect(fixed.stdout).toMatch(/^Applied 2 migrations/m);
    expect(fixed.stdout).toMatch(/^Seeded data from supabase\/seed.sql/m);
    expect(await project.query('select version from supabase_migrations.schema_migrations order by 1')).toHaveLength(3);

    project.writeMigration('20240104000000_bad_ref.sql', 'insert into public.no_such_table values (1);');
    const reset = await project.cli('db', 'reset');
    expect(reset.code).toBe(1);
    expect(reset.stderr).toContain('supabase/migrations/20240104000000_bad_ref.sql:1: relation "public.no_such_table" does not exist (SQLSTATE 42P01)');
    expect(await project.query('select count(*)::int as n from supabase_migrations.schema_migrations')).toEqual([{ n: 3 }]);
  });

  it('a seed that fails on a cold start is rolled back whole and runs again on the next start', async () => {
    project = await createProject({
      migrations: { '20240101000000_create_bands.sql': CREATE_BANDS },
      seed: "insert into public.bands (name) values ('First');\ninsert into public.bandz (name) values ('typo');\n",
    });
    const failed = await project.cli('start');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('supabase/seed.sql:2: relation "public.bandz" does not exist (SQLSTATE 42P01)');

    project.writeSeed("insert into public.bands (name) values ('First');\n");
    const fixed = await project.cli('start');
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/^Seeded data from supabase\/seed.sql/m);
    expect(await project.query('select name from public.bands order by id')).toEqual([{ name: 'from migration' }, { name: 'First' }]);
    expect(await readFile(join(project.root, '.localbase', 'logs', 'localbase.log'), 'utf8')).not.toContain('exited unexpectedly');
  });

  it('db reset refuses, with the fix, when the stack is not running', async () => {
    project = await createProject();
    const result = await project.cli('db', 'reset');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('localbase is not running');
    expect(result.stderr).toContain('npx localbase start');
  });
});
