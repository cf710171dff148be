import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { runSqlText } from './sql-runner.ts';

const BASE_SCHEMA = readFileSync(new URL('./base-schema.sql', import.meta.url), 'utf8');
/** Broadcast from Database: realtime.send(), realtime.broadcast_changes() and their publication (needs realtime.messages). */
const REALTIME_BROADCAST = readFileSync(new URL('./realtime-broadcast.sql', import.meta.url), 'utf8');
/** The postgres_changes RLS probe, realtime.localbase_visible_keys() (src/realtime/rls-check.ts). */
const REALTIME_VISIBILITY = readFileSync(new URL('./realtime-visibility.sql', import.meta.url), 'utf8');
/** Grants and role settings: set once per database, never again over what migrations changed. */
const BASE_PRIVILEGES = readFileSync(new URL('./base-privileges.sql', import.meta.url), 'utf8');

/**
 * Roles, auth.*, realtime, the publication and the migration history table, safe to run again; on a new database
 * (no `auth` schema yet: first start or `db reset`) also the base privileges.
 */
export async function applyBaseSchema(client: pg.ClientBase): Promise<void> {
  await client.query('begin');
  try {
    const hint = 'This is a localbase bug: please report it with the message above.';
    const { rows } = await client.query<{ fresh: boolean }>("select to_regnamespace('auth') is null as fresh");
    await runSqlText(client, BASE_SCHEMA, 'localbase/src/db/base-schema.sql', hint);
    await runSqlText(client, REALTIME_BROADCAST, 'localbase/src/db/realtime-broadcast.sql', hint);
    await runSqlText(client, REALTIME_VISIBILITY, 'localbase/src/db/realtime-visibility.sql', hint);
    if (rows[0]!.fresh) await runSqlText(client, BASE_PRIVILEGES, 'localbase/src/db/base-privileges.sql', hint);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
