import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../config.ts';
import { localbasePaths } from '../db/data-dir.ts';
import { superuserUrl } from '../db/postgres-process.ts';
import { UserError } from '../shared/errors.ts';
import { apiKeys } from '../shared/keys.ts';
import { daemonStatus, readState } from '../stack-state.ts';
import { fail, ok, plural, quoteLiteral, warn, type Check, type Outcome } from './check.ts';
import { need, type DoctorContext } from './context.ts';

/** GoTrue refuses shorter HS256 secrets, and so does the Supabase CLI's config validation. */
const MIN_JWT_SECRET_LENGTH = 32;
const RESTART = 'npx localbase stop && npx localbase start';

export function infrastructureChecks(ctx: DoctorContext): Check[] {
  const layer = 'infrastructure' as const;
  return [
    { layer, name: 'config.toml', gate: true, run: () => checkConfig(ctx) },
    { layer, name: 'stack', gate: true, run: () => checkStack(ctx) },
    { layer, name: 'PostgreSQL', gate: true, run: () => checkPostgres(ctx) },
    { layer, name: 'wal_level', run: () => checkWalLevel(ctx) },
    { layer, name: 'replication capacity', run: () => checkReplicationCapacity(ctx) },
    { layer, name: 'replication slots', run: () => checkLeftoverSlots(ctx) },
  ];
}

async function checkConfig(ctx: DoctorContext): Promise<Outcome> {
  try {
    ctx.config = loadConfig(ctx.workdir);
  } catch (error) {
    if (error instanceof UserError) return fail(error.message, error.fix);
    throw error;
  }
  const { config } = ctx;
  ctx.keys = await apiKeys(config);
  const file = join(config.supabaseDir, 'config.toml');
  const secret = config.auth.jwtSecret;
  const secretSource = process.env.LOCALBASE_JWT_SECRET ? 'LOCALBASE_JWT_SECRET' : '[auth] jwt_secret';
  if (config.api.port === config.db.port) {
    return fail(`[api] port and [db] port are both ${config.api.port}: the gateway and PostgreSQL cannot share a port.`, `Set [db] port in ${file} to another number (the Supabase CLI uses 54322).`);
  }
  if (secret.length < MIN_JWT_SECRET_LENGTH) {
    return fail(
      `${secretSource} is ${plural(secret.length, 'character')}; HS256 secrets shorter than ${MIN_JWT_SECRET_LENGTH} are refused by GoTrue and the Supabase CLI.`,
      `Set ${secretSource} to at least ${MIN_JWT_SECRET_LENGTH} characters (or remove it to use the CLI's default), then run \`${RESTART}\`.`,
    );
  }
  const summary = `API port ${config.api.port}, database port ${config.db.port}, JWT secret ${plural(secret.length, 'character')}`;
  if (!existsSync(file)) return warn(`${file} does not exist, so localbase uses the Supabase CLI's defaults (${summary}).`, 'Create it with `supabase init`, or copy one from another project.');
  return ok(summary);
}

async function checkStack(ctx: DoctorContext): Promise<Outcome> {
  const config = need(ctx.config, 'config');
  const paths = localbasePaths(config);
  const daemon = daemonStatus(paths);
  if (daemon.kind === 'stopped') return fail('localbase is not running.', 'npx localbase start');
  if (daemon.kind === 'stale') {
    return fail(`${paths.pidFile} names process ${daemon.pid}, which is not running: localbase was not stopped cleanly.`, 'npx localbase start   (it removes the stale pid file)');
  }
  const state = readState(paths);
  if (state && (state.dbPort !== config.db.port || state.apiPort !== config.api.port)) {
    return fail(
      `localbase (pid ${daemon.pid}) was started with database port ${state.dbPort} and API port ${state.apiPort}, but supabase/config.toml now says ${config.db.port} and ${config.api.port}.`,
      RESTART,
    );
  }
  return ok(`localbase running (pid ${daemon.pid}${state ? `, since ${state.startedAt}` : ''})`);
}

async function checkPostgres(ctx: DoctorContext): Promise<Outcome> {
  const config = need(ctx.config, 'config');
  const client = new pg.Client({ connectionString: superuserUrl(config.db.port), connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const [row] = (await client.query<{ version: string }>("select current_setting('server_version') as version")).rows;
    ctx.db = client;
    return ok(`PostgreSQL ${row!.version} accepts connections on port ${config.db.port}`);
  } catch (error) {
    await client.end().catch(() => undefined);
    return fail(
      `PostgreSQL does not accept connections on port ${config.db.port}: ${(error as Error).message}`,
      `See ${localbasePaths(config).postgresLog}, then run \`${RESTART}\`.`,
    );
  }
}

async function setting(db: pg.Client, name: string): Promise<string> {
  const [row] = (await db.query<{ value: string }>('select current_setting($1) as value', [name])).rows;
  return row!.value;
}

/** localbase starts PostgreSQL with `-c wal_level=logical`; anything else means another server answers on the port. */
async function checkWalLevel(ctx: DoctorContext): Promise<Outcome> {
  const db = need(ctx.db, 'database');
  const level = await setting(db, 'wal_level');
  if (level === 'logical') return ok('logical (Realtime can decode changes)');
  return fail(
    `wal_level is ${level}, so PostgreSQL cannot stream changes and Realtime never sends a postgres_changes event. localbase starts its PostgreSQL with wal_level=logical: is another server answering on port ${need(ctx.config, 'config').db.port}?`,
    `alter system set wal_level = logical;\n-- then restart PostgreSQL (for localbase: ${RESTART})`,
  );
}

async function checkReplicationCapacity(ctx: DoctorContext): Promise<Outcome> {
  const db = need(ctx.db, 'database');
  const [row] = (
    await db.query<{ slots: number; senders: number; used_slots: number; streaming: number }>(
      `select current_setting('max_replication_slots')::int as slots, current_setting('max_wal_senders')::int as senders,
              (select count(*)::int from pg_replication_slots) as used_slots,
              (select count(*)::int from pg_stat_replication) as streaming`,
    )
  ).rows;
  const { slots, senders, used_slots: used, streaming } = row!;
  const summary = `max_replication_slots ${slots} (${used} in use), max_wal_senders ${senders} (${streaming} streaming)`;
  if (slots < 1 || senders < 1) {
    const name = slots < 1 ? 'max_replication_slots' : 'max_wal_senders';
    return fail(`${summary}: Realtime needs one replication slot and one WAL sender.`, `alter system set ${name} = 10;\n-- then restart PostgreSQL (for localbase: ${RESTART})`);
  }
  if (used >= slots) {
    return fail(`${summary}: every slot is taken, so Realtime cannot create its slot when it (re)connects.`, 'Drop slots you no longer need: select pg_drop_replication_slot(slot_name) from pg_replication_slots where not active;');
  }
  return ok(summary);
}

/** An inactive permanent slot pins WAL forever (capped only by max_slot_wal_keep_size) and holds a slot. */
async function checkLeftoverSlots(ctx: DoctorContext): Promise<Outcome> {
  const db = need(ctx.db, 'database');
  const { rows } = await db.query<{ slot_name: string; slot_type: string; plugin: string | null; wal_status: string | null; retained: string | null }>(
    `select slot_name, slot_type, plugin, wal_status,
            pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) as retained
       from pg_replication_slots where not active and not temporary order by slot_name`,
  );
  if (rows.length === 0) return ok('no inactive slots retaining WAL');
  const named = rows.map((slot) => {
    const kind = slot.plugin ? `${slot.slot_type}, ${slot.plugin}` : slot.slot_type;
    const held = slot.wal_status === 'lost' ? 'its WAL is already lost' : `retains ${slot.retained ?? 'no'} of WAL`;
    return `${slot.slot_name} (${kind}) ${held}`;
  });
  return fail(
    `${plural(rows.length, 'inactive replication slot')} left behind: ${named.join('; ')}. Nothing reads ${rows.length === 1 ? 'it, yet PostgreSQL keeps its WAL on disk and it holds' : 'them, yet PostgreSQL keeps their WAL on disk and each holds'} one of max_replication_slots.`,
    rows.map((slot) => `select pg_drop_replication_slot(${quoteLiteral(slot.slot_name)});`).join('\n'),
  );
}
