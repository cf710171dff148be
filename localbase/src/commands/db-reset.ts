import type pg from 'pg';
import type { LocalbaseConfig } from '../config.ts';
import { bootstrapDatabase } from '../db/bootstrap.ts';
import { localbasePaths } from '../db/data-dir.ts';
import { resilientClient } from '../db/pg-connections.ts';
import { superuserUrl } from '../db/postgres-process.ts';
import { UserError } from '../shared/errors.ts';
import { formatMs, formatStep, timed } from '../shared/progress.ts';
import { daemonStatus } from '../stack-state.ts';
import { databaseAccepts } from './status.ts';

/** As `supabase db reset`: a fresh `postgres` database, then the base schema, every migration and the seed. */
export async function dbReset(config: LocalbaseConfig): Promise<number> {
  const started = performance.now();
  if (daemonStatus(localbasePaths(config)).kind !== 'running' || !(await databaseAccepts(config.db.port))) {
    throw new UserError('localbase is not running, so there is no database to reset.', 'Start it with `npx localbase start`, then run `npx localbase db reset`.');
  }
  const report = { step: (step: Parameters<typeof formatStep>[0]) => console.log(formatStep(step)), info: (text: string) => console.log(text) };
  console.log('Resetting local database...');
  await timed('Recreated database postgres', report.step, () => recreateDatabase(config.db.port));
  await bootstrapDatabase(config, true, report);
  console.log(`Finished localbase db reset in ${formatMs(performance.now() - started)}.`);
  return 0;
}

async function recreateDatabase(port: number): Promise<void> {
  const admin = resilientClient({ connectionString: superuserUrl(port, 'template1') });
  await admin.connect();
  try {
    // Logical slots pin the database; a dropped database must not leave them behind to hold WAL.
    await admin.query("select pg_drop_replication_slot(slot_name) from pg_replication_slots where database = 'postgres' and not active");
    await dropPostgres(admin);
    await admin.query('create database postgres');
  } finally {
    await admin.end();
  }
}

/**
 * Once anything subscribed to postgres_changes, Realtime's replication connection holds an active (temporary) slot on
 * `postgres`, and DROP DATABASE refuses with 55006 even WITH (FORCE). End that connection (Realtime reconnects with
 * backoff, first after 250 ms), then drop as soon as the slot is released; retry if Realtime got back in first.
 */
async function dropPostgres(admin: pg.Client): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    await admin.query("select pg_terminate_backend(active_pid) from pg_replication_slots where database = 'postgres' and active");
    try {
      await admin.query('drop database if exists postgres with (force)');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
