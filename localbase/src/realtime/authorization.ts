import type pg from 'pg';
import type { Claims } from './auth.ts';

/**
 * Private channel authorisation through RLS on `realtime.messages` (RT
 * `lib/realtime/tenants/authorization.ex`): read = the probe rows are visible under the subscriber's role and claims,
 * write = an INSERT under them passes the policies. Every probe is rolled back.
 */

export type Extension = 'broadcast' | 'presence';

export interface ReadPermissions {
  broadcast: boolean;
  presence: boolean;
}

/**
 * The pool is a superuser's, so the JWT's role is only taken when `authenticator` could become it, exactly the roles
 * REST can reach (D.5): a token naming `postgres` must not turn the RLS probe into a superuser read.
 */
async function impersonate(client: pg.PoolClient, topic: string, claims: Claims): Promise<void> {
  const { rows } = await client.query<{ ok: boolean }>("select pg_has_role('authenticator', $1, 'MEMBER') as ok", [claims.role]);
  if (!rows[0]?.ok) throw Object.assign(new Error(`role "${claims.role}" is not one the API may switch to`), { code: '42501' });
  await client.query(
    `select set_config('role', $1, true), set_config('realtime.topic', $2, true), set_config('request.jwt.claims', $3, true),
            set_config('request.jwt.claim.sub', $4, true), set_config('request.jwt.claim.role', $1, true), set_config('request.headers', '{}', true)`,
    [claims.role, topic, JSON.stringify(claims), typeof claims.sub === 'string' ? claims.sub : ''],
  );
}

export async function readPermissions(pool: pg.Pool, topic: string, claims: Claims): Promise<ReadPermissions> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const probes = await client.query<{ id: string }>(
      `insert into realtime.messages (topic, extension, private) values ($1, 'broadcast', true), ($1, 'presence', true) returning id`,
      [topic],
    );
    await impersonate(client, topic, claims);
    const visible = await client.query<{ extension: Extension }>(
      'select extension from realtime.messages where topic = $1 and id = any($2::uuid[])',
      [topic, probes.rows.map((row) => row.id)],
    );
    const extensions = new Set(visible.rows.map((row) => row.extension));
    return { broadcast: extensions.has('broadcast'), presence: extensions.has('presence') };
  } catch (error) {
    // A policy that errors (or a role that does not exist) grants nothing, as upstream's failed check does.
    if (isPermissionError(error)) return { broadcast: false, presence: false };
    throw error;
  } finally {
    await client.query('rollback').catch(() => undefined);
    client.release();
  }
}

export async function canWrite(pool: pg.Pool, topic: string, claims: Claims, extension: Extension): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await impersonate(client, topic, claims);
    await client.query(`insert into realtime.messages (topic, extension, private) values ($1, $2, true)`, [topic, extension]);
    return true;
  } catch (error) {
    if (isPermissionError(error)) return false;
    throw error;
  } finally {
    await client.query('rollback').catch(() => undefined);
    client.release();
  }
}

/** 42501 insufficient privilege / RLS violation, 22023/42704 unknown role, P0001 raised by a policy function. */
function isPermissionError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '42501' || code === '22023' || code === '42704' || code === 'P0001' || code === '22P02';
}
