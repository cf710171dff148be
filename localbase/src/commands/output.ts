import { superuserUrl } from '../db/postgres-process.ts';
import type { LocalbaseConfig } from '../config.ts';
import type { ApiKeys } from '../shared/keys.ts';

/**
 * The names `supabase status -o env` prints ([cli] internal/status/status.go), sorted as the CLI sorts them.
 * apiUrl: what the running stack announced (its state file), which outlives the environment that started it.
 */
export function statusVariables(config: LocalbaseConfig, keys: ApiKeys, apiUrl = config.api.externalUrl): Record<string, string> {
  const vars: Record<string, string> = {
    ANON_KEY: keys.anonKey,
    API_URL: apiUrl,
    DB_URL: superuserUrl(config.db.port),
    GRAPHQL_URL: `${apiUrl}/graphql/v1`,
    JWT_SECRET: keys.jwtSecret,
    PUBLISHABLE_KEY: keys.publishableKey,
    REST_URL: `${apiUrl}/rest/v1`,
    SECRET_KEY: keys.secretKey,
    SERVICE_ROLE_KEY: keys.serviceRoleKey,
  };
  if (config.inbucket.enabled) {
    // The mail catcher stays on loopback, even in LAN mode. The CLI prints MAILPIT_URL and the deprecated INBUCKET_URL.
    vars.MAILPIT_URL = vars.INBUCKET_URL = `http://127.0.0.1:${config.inbucket.port}`;
  }
  return Object.fromEntries(Object.entries(vars).sort(([a], [b]) => a.localeCompare(b)));
}

export function formatEnv(vars: Record<string, string>): string {
  return Object.entries(vars)
    .map(([name, value]) => `${name}="${value}"`)
    .join('\n');
}

export function formatStatusBlock(vars: Record<string, string>): string {
  const rows: [string, string | undefined][] = [
    ['API URL', vars.API_URL],
    ['REST URL', vars.REST_URL],
    ['DB URL', vars.DB_URL],
    ['Mailpit URL', vars.MAILPIT_URL],
    ['Publishable key', vars.PUBLISHABLE_KEY],
    ['Secret key', vars.SECRET_KEY],
    ['JWT secret', vars.JWT_SECRET],
    ['anon key', vars.ANON_KEY],
    ['service_role key', vars.SERVICE_ROLE_KEY],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows
    .filter(([, value]) => value !== undefined)
    .map(([label, value]) => `${label.padStart(width)}: ${value}`)
    .join('\n');
}
