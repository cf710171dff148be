import type { ServiceContext } from '../shared/context.ts';
import type { ApiRequest } from '../shared/http.ts';
import { fromPgError, isPgError, RestError } from './errors.ts';
import type { RequestAuth } from './request-auth.ts';
import type { CountPlan } from './count.ts';
import type { ResultRow } from './respond.ts';
import type { SchemaCache } from './schema-load.ts';
import { ident } from './sql-common.ts';

export interface Run {
  auth: RequestAuth;
  schema: string;
  readOnly: boolean;
  /** Throws to roll back (PGRST116, PGRST124). */
  check(row: ResultRow): void;
  text: string;
  values: unknown[];
  /** `Prefer: count=planned|estimated`: upstream runs the EXPLAIN after the main statement, in its transaction. */
  after?: CountPlan['after'];
}

function cookies(header: string | undefined): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) jar[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return jar;
}

/**
 * One transaction per request on the `authenticator` pool, read-only for GET/HEAD, opened with PostgREST's
 * pre-request `set_config` statement (`[pgrst] src/PostgREST/Query/PreQuery.hs`): search_path, the role's
 * own `ALTER ROLE … SET` settings (SET ROLE does not apply them), role, request.jwt.claims, method, path, headers and
 * cookies, all transaction-local and all as parameters. A failed `check` (PGRST116, PGRST124) rolls the writes back.
 */
export async function runInTransaction(context: ServiceContext, cache: SchemaCache, request: ApiRequest, run: Run): Promise<ResultRow> {
  const searchPath = [run.schema, ...context.config.api.extraSearchPath.filter((s) => s !== run.schema)].map(ident).join(', ');
  const settings: [string, string][] = [
    ['search_path', searchPath],
    ...(cache.roleSettings.get(run.auth.role) ?? []),
    ['role', run.auth.role],
    ['request.jwt.claims', JSON.stringify(run.auth.claims)],
    ['request.method', request.method],
    ['request.path', request.path],
    ['request.headers', JSON.stringify(request.headers)],
    ['request.cookies', JSON.stringify(cookies(request.header('cookie')))],
  ];
  const values = settings.flat();
  const setup = `select ${settings.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`;
  let client;
  try {
    client = await context.apiPool.connect();
  } catch (error) {
    throw new RestError(503, 'PGRST001', 'Database client error. Retrying the connection.', (error as Error).message);
  }
  let broken: Error | undefined;
  try {
    await client.query(run.readOnly ? 'begin isolation level read committed read only' : 'begin');
    await client.query(setup, values);
    const result = await client.query<ResultRow>(run.text, run.values);
    const row = result.rows[0]!;
    run.check(row);
    if (run.after) await run.after(row, async (text, values) => (await client.query(text, values)).rows);
    await client.query('commit');
    return row;
  } catch (error) {
    if (client) await client.query('rollback').catch((e: Error) => (broken = e));
    if (isPgError(error)) throw fromPgError(error, run.auth.role);
    if (error instanceof RestError) throw error;
    broken = error as Error;
    if (!/ECONN|terminat|Connection/i.test(`${(error as { code?: string }).code ?? ''} ${(error as Error).message}`)) throw error;
    throw new RestError(503, 'PGRST001', 'Database client error. Retrying the connection.', (error as Error).message);
  } finally {
    client.release(broken);
  }
}
