import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type pg from 'pg';
import type { LocalbaseConfig } from '../config.ts';
import { runSqlText } from './sql-runner.ts';

/** The Supabase CLI's migration file pattern (`[cli] pkg/migration/file.go`): `<version>_<name>.sql`. */
const MIGRATION_FILE = /^([0-9]+)_(.*)\.sql$/;

export interface MigrationFile {
  version: string;
  name: string;
  path: string;
}

export interface MigrationPlan {
  files: MigrationFile[];
  ignored: string[];
}

export function listMigrations(supabaseDir: string): MigrationPlan {
  const dir = join(supabaseDir, 'migrations');
  if (!existsSync(dir)) return { files: [], ignored: [] };
  const files: MigrationFile[] = [];
  const ignored: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const match = MIGRATION_FILE.exec(entry);
    if (match) files.push({ version: match[1]!, name: match[2]!, path: join(dir, entry) });
    else if (entry.endsWith('.sql')) ignored.push(entry);
  }
  return { files, ignored };
}

export interface MigrationResult {
  applied: MigrationFile[];
  ignored: string[];
}

/**
 * Applies, in filename order, every migration not yet in supabase_migrations.schema_migrations. Each file runs in
 * its own transaction with its history row, so a failure leaves the earlier ones applied and itself not at all.
 */
export async function applyPendingMigrations(client: pg.ClientBase, config: LocalbaseConfig, onApply?: (file: MigrationFile) => void): Promise<MigrationResult> {
  const plan = listMigrations(config.supabaseDir);
  const { rows } = await client.query<{ version: string }>('select version from supabase_migrations.schema_migrations');
  const done = new Set(rows.map((row) => row.version));
  const applied: MigrationFile[] = [];
  for (const file of plan.files.filter((f) => !done.has(f.version))) {
    onApply?.(file);
    const label = relative(config.projectRoot, file.path);
    await client.query('begin');
    try {
      const statements = await runSqlText(client, readFileSync(file.path, 'utf8'), label, 'Fix the migration, then run `npx localbase db reset` (migrations before it stay applied until then).');
      await client.query('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)', [
        file.version,
        file.name,
        statements.map((s) => s.sql),
      ]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
    applied.push(file);
  }
  return { applied, ignored: plan.ignored };
}

/** Runs `[db.seed] sql_paths` (relative to supabase/) in one transaction; returns the files it ran. */
export async function applySeed(client: pg.ClientBase, config: LocalbaseConfig): Promise<string[]> {
  if (!config.db.seedEnabled) return [];
  const seeded: string[] = [];
  await client.query('begin');
  try {
    for (const seedPath of config.db.seedPaths) {
      const path = join(config.supabaseDir, seedPath);
      if (!existsSync(path)) continue;
      const label = relative(config.projectRoot, path);
      await runSqlText(client, readFileSync(path, 'utf8'), label, 'Fix the seed file, then run `npx localbase db reset`.');
      seeded.push(label);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  return seeded;
}
