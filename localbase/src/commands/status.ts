import type { LocalbaseConfig } from '../config.ts';
import { localbasePaths } from '../db/data-dir.ts';
import { resilientClient } from '../db/pg-connections.ts';
import { superuserUrl } from '../db/postgres-process.ts';
import { UserError } from '../shared/errors.ts';
import { apiKeys } from '../shared/keys.ts';
import { daemonStatus, readState } from '../stack-state.ts';
import { formatEnv, formatStatusBlock, statusVariables } from './output.ts';

export type OutputFormat = 'pretty' | 'env' | 'json';

export async function databaseAccepts(port: number): Promise<boolean> {
  const client = resilientClient({ connectionString: superuserUrl(port), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function apiAccepts(apiUrl: string): Promise<boolean> {
  try {
    await fetch(`${apiUrl}/auth/v1/health`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

/** Exit 0 only when the stack is up, so scripts can use `localbase status` as a health check. */
export async function status(config: LocalbaseConfig, format: OutputFormat): Promise<number> {
  const paths = localbasePaths(config);
  const daemon = daemonStatus(paths);
  const dbUp = daemon.kind === 'running' && (await databaseAccepts(config.db.port));
  if (!dbUp) {
    const why = daemon.kind === 'running' ? `localbase (pid ${daemon.pid}) is running but its database does not answer on port ${config.db.port}.` : 'localbase is not running.';
    if (format === 'pretty') {
      console.log(`${'database'.padEnd(10)} stopped`);
    }
    throw new UserError(why, daemon.kind === 'running' ? `See ${paths.postgresLog}, then run \`npx localbase stop\` and start again.` : 'Start it with `npx localbase start`.');
  }
  const vars = statusVariables(config, await apiKeys(config), readState(paths)?.apiUrl);
  const apiUp = await apiAccepts(vars.API_URL!);
  if (!apiUp) {
    if (format === 'pretty') console.log(`${'api'.padEnd(10)} stopped`);
    throw new UserError(
      `localbase (pid ${daemon.pid}) runs the database, but its API gateway does not answer on port ${config.api.port}.`,
      `See ${paths.daemonLog}, then run \`npx localbase stop\` and start again.`,
    );
  }
  if (format === 'env') console.log(formatEnv(vars));
  else if (format === 'json') console.log(JSON.stringify(vars, null, 2));
  else {
    console.log(`${'database'.padEnd(10)} running   PostgreSQL ${config.db.majorVersion} on port ${config.db.port} (localbase pid ${daemon.pid})`);
    console.log(`${'api'.padEnd(10)} running   gateway at ${vars.API_URL}: /auth/v1, /rest/v1, /realtime/v1`);
    console.log('');
    console.log(formatStatusBlock(vars));
  }
  return 0;
}
