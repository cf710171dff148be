import type pg from 'pg';
import { resilientPool } from '../db/pg-connections.ts';
import type { LocalbaseConfig } from '../config.ts';
import { Mailbox } from '../mail/mailbox.ts';
import { superuserUrl } from '../db/postgres-process.ts';
import { systemClock, type Clock } from './clock.ts';
import { apiKeys, type ApiKeys } from './keys.ts';

/** What every emulated service gets: configuration, keys, time and the two database pools. */
export interface ServiceContext {
  config: LocalbaseConfig;
  keys: ApiKeys;
  clock: Clock;
  /** Superuser: auth.* tables, schema introspection. Never used for a user's request. */
  adminPool: pg.Pool;
  /** Logs in as `authenticator` and switches role per request, as PostgREST does. */
  apiPool: pg.Pool;
  /** Where Auth's mail goes; the mail catcher (`[inbucket]`) serves it. */
  mailbox: Mailbox;
  log(line: string): void;
}

export async function createServiceContext(config: LocalbaseConfig, clock: Clock = systemClock): Promise<ServiceContext> {
  // A dropped connection (db reset, PostgreSQL restart) must not crash the process; the pools replace it.
  const adminPool = resilientPool({ connectionString: superuserUrl(config.db.port), max: 4 });
  const apiPool = resilientPool({ connectionString: superuserUrl(config.db.port).replace('postgres:postgres@', 'authenticator:postgres@'), max: 16 });
  return { config, keys: await apiKeys(config), clock, adminPool, apiPool, mailbox: new Mailbox(), log: (line) => console.log(line) };
}

export async function closeServiceContext(context: ServiceContext): Promise<void> {
  await Promise.allSettled([context.adminPool.end(), context.apiPool.end()]);
}
