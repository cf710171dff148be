import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'smol-toml';
import { UserError } from './shared/errors.ts';

/** The Supabase CLI's well-known local JWT secret (`[cli] pkg/config/apikeys.go defaultJwtSecret`). */
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

export interface LocalbaseConfig {
  projectRoot: string;
  supabaseDir: string;
  dataDir: string;
  projectId: string;
  api: { port: number; schemas: string[]; extraSearchPath: string[]; maxRows: number };
  db: { port: number; majorVersion: number; seedEnabled: boolean; seedPaths: string[] };
  auth: {
    jwtSecret: string;
    jwtExpiry: number;
    siteUrl: string;
    enableConfirmations: boolean;
    enableSignup: boolean;
    minimumPasswordLength: number;
    enableRefreshTokenRotation: boolean;
    /** Seconds a rotated refresh token may still be exchanged (spec A.7). */
    refreshTokenReuseInterval: number;
  };
}

type Table = Record<string, unknown>;

/**
 * Finds the project the way the Supabase CLI does: the nearest folder, from `cwd` upwards, that holds
 * `supabase/config.toml`; failing that a bare `supabase/` folder in `cwd`.
 */
export function findProjectRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'supabase', 'config.toml'))) return dir;
    if (dirname(dir) === dir) break;
  }
  if (existsSync(join(cwd, 'supabase'))) return resolve(cwd);
  throw new UserError(
    `No supabase/ folder in ${resolve(cwd)} or any folder above it.`,
    'Run localbase from your project root (the folder that holds supabase/config.toml), or create one with `supabase init`.',
  );
}

export function loadConfig(cwd: string = process.cwd()): LocalbaseConfig {
  const projectRoot = findProjectRoot(cwd);
  const supabaseDir = join(projectRoot, 'supabase');
  const toml = readToml(join(supabaseDir, 'config.toml'));
  const api = table(toml, 'api');
  const db = table(toml, 'db');
  const seed = table(db, 'seed');
  const auth = table(toml, 'auth');
  const email = table(auth, 'email');
  return {
    projectRoot,
    supabaseDir,
    dataDir: join(projectRoot, '.localbase'),
    projectId: str(toml, 'project_id', 'default'),
    api: {
      port: port(api, 'api.port', 54321),
      schemas: strList(api, 'schemas', ['public', 'graphql_public']),
      extraSearchPath: strList(api, 'extra_search_path', ['public', 'extensions']),
      maxRows: num(api, 'max_rows', 1000),
    },
    db: {
      port: port(db, 'db.port', 54322),
      majorVersion: num(db, 'major_version', 17),
      seedEnabled: seed.enabled !== false,
      seedPaths: strList(seed, 'sql_paths', ['./seed.sql']),
    },
    auth: {
      jwtSecret: process.env.LOCALBASE_JWT_SECRET ?? str(auth, 'jwt_secret', DEFAULT_JWT_SECRET),
      jwtExpiry: num(auth, 'jwt_expiry', 3600),
      siteUrl: str(auth, 'site_url', 'http://127.0.0.1:3000'),
      enableConfirmations: email.enable_confirmations === true,
      enableSignup: auth.enable_signup !== false,
      minimumPasswordLength: num(auth, 'minimum_password_length', 6),
      enableRefreshTokenRotation: auth.enable_refresh_token_rotation !== false,
      refreshTokenReuseInterval: num(auth, 'refresh_token_reuse_interval', 10),
    },
  };
}

function readToml(path: string): Table {
  if (!existsSync(path)) return {};
  try {
    return parse(readFileSync(path, 'utf8')) as Table;
  } catch (error) {
    throw new UserError(`${path} is not valid TOML: ${(error as Error).message}`, 'Fix the file, or compare it with `supabase init`.');
  }
}

function table(parent: Table, key: string): Table {
  const value = parent[key];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : {};
}

function str(t: Table, key: string, fallback: string): string {
  const value = t[key];
  return typeof value === 'string' && value !== '' ? value : fallback;
}

function num(t: Table, key: string, fallback: number): number {
  const value = t[key];
  return typeof value === 'number' || typeof value === 'bigint' ? Number(value) : fallback;
}

function strList(t: Table, key: string, fallback: string[]): string[] {
  const value = t[key];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : fallback;
}

function port(t: Table, name: string, fallback: number): number {
  const value = num(t, name.split('.')[1]!, fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new UserError(`[${name.replace('.', '] ')} = ${value} in supabase/config.toml is not a TCP port.`, 'Use a number from 1 to 65535.');
  }
  return value;
}
