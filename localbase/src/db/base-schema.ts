import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { runSqlText } from './sql-runner.ts';

const BASE_SCHEMA = readFileSync(new URL('./base-schema.sql', import.meta.url), 'utf8');
/** Broadcast from Database: realtime.send(), realtime.broadcast_changes() and their publication (needs realtime.messages). */
const REALTIME_BROADCAST = readFileSync(new URL('./realtime-broadcast.sql', import.meta.url), 'utf8');
/** The postgres_changes RLS probe, realtime.localbase_visible_keys() (src/realtime/rls-check.ts). */
const REALTIME_VISIBILITY = readFileSync(new URL('./realtime-visibility.sql', import.meta.url), 'utf8');

/** Roles, grants, auth.*, realtime, the publication and the migration history table; safe to run again. */
export async function applyBaseSchema(client: pg.ClientBase): Promise<void> {
  await client.query('begin');
  try {
    const hint = 'This is a localbase bug: please report it with the message above.';
    await runSqlText(client, BASE_SCHEMA, 'localbase/src/db/base-schema.sql', hint);
    await runSqlText(client, REALTIME_BROADCAST, 'localbase/src/db/realtime-broadcast.sql', hint);
    await runSqlText(client, REALTIME_VISIBILITY, 'localbase/src/db/realtime-visibility.sql', hint);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
