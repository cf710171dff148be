import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
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
  api: {
    port: number;
    /** Where the gateway listens: always 127.0.0.1, plus the LAN address in LAN mode. */
    listenHosts: string[];
    /** The URL clients are told to use (`status`, the JWT issuer): the LAN address in LAN mode. */
    externalUrl: string;
    schemas: string[];
    extraSearchPath: string[];
    maxRows: number;
  };
  db: { port: number; majorVersion: number; seedEnabled: boolean; seedPaths: string[] };
  auth: {
    jwtSecret: string;
    jwtExpiry: number;
    siteUrl: string;
    enableConfirmations: boolean;
    enableSignup: boolean;
    minimumPasswordLength: number;
    enableRefreshTokenRotation: boolean;
    /** Seconds a rotated refresh token may still be exchanged. */
    refreshTokenReuseInterval: number;
    /** `[auth] additional_redirect_urls`: GoTrue's URI allow list, glob patterns. */
    additionalRedirectUrls: string[];
    email: EmailSettings;
    rateLimit: RateLimitSettings;
  };
  /** The mail catcher (`[inbucket]`, Mailpit in the current CLI). */
  inbucket: { enabled: boolean; port: number; adminEmail: string; senderName: string };
}

/** `[auth.email]`: one-time codes, resend interval and the project's templates. */
export interface EmailSettings {
  otpLength: number;
  /** Seconds a mailed code or link stays valid. */
  otpExpiry: number;
  /** Seconds between two mails of one kind to one user (`max_frequency`, a Go duration in config.toml). */
  maxFrequencySeconds: number;
  /** `[auth.email.template.<type>]`, content_path resolved against the project root as the CLI does. */
  templates: Record<string, { subject?: string; contentPath?: string }>;
}

/** `[auth.rate_limit]`: per hour for mail, per 5 minutes per IP for the rest. */
export interface RateLimitSettings {
  emailSent: number;
  signInSignUps: number;
  tokenVerifications: number;
  tokenRefresh: number;
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

export function loadConfig(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): LocalbaseConfig {
  const projectRoot = findProjectRoot(cwd);
  const supabaseDir = join(projectRoot, 'supabase');
  const root: Section = { values: readToml(join(supabaseDir, 'config.toml')), path: '', env };
  const api = section(root, 'api');
  const db = section(root, 'db');
  const seed = section(db, 'seed');
  const auth = section(root, 'auth');
  const email = section(auth, 'email');
  const rateLimit = section(auth, 'rate_limit');
  const inbucket = section(root, 'inbucket');
  const apiPort = port(api, 'port', 54321);
  const lanHost = lanAddress(env.LOCALBASE_API_HOST);
  return {
    projectRoot,
    supabaseDir,
    dataDir: join(projectRoot, '.localbase'),
    projectId: str(root, 'project_id', 'default'),
    api: {
      port: apiPort,
      listenHosts: lanHost ? ['127.0.0.1', lanHost] : ['127.0.0.1'],
      // The Supabase CLI's `[api] external_url` (GoTrue's API_EXTERNAL_URL); by default the address clients can reach.
      externalUrl: str(api, 'external_url', `http://${lanHost ? hostForUrl(lanHost) : '127.0.0.1'}:${apiPort}`).replace(/\/+$/, ''),
      schemas: strList(api, 'schemas', ['public', 'graphql_public']),
      extraSearchPath: strList(api, 'extra_search_path', ['public', 'extensions']),
      maxRows: num(api, 'max_rows', 1000),
    },
    db: {
      port: port(db, 'port', 54322),
      majorVersion: num(db, 'major_version', 17),
      seedEnabled: bool(seed, 'enabled', true),
      seedPaths: strList(seed, 'sql_paths', ['./seed.sql']),
    },
    auth: {
      jwtSecret: env.LOCALBASE_JWT_SECRET ?? str(auth, 'jwt_secret', DEFAULT_JWT_SECRET),
      jwtExpiry: num(auth, 'jwt_expiry', 3600),
      siteUrl: str(auth, 'site_url', 'http://127.0.0.1:3000'),
      enableConfirmations: bool(email, 'enable_confirmations', false),
      enableSignup: bool(auth, 'enable_signup', true),
      minimumPasswordLength: num(auth, 'minimum_password_length', 6),
      enableRefreshTokenRotation: bool(auth, 'enable_refresh_token_rotation', true),
      refreshTokenReuseInterval: num(auth, 'refresh_token_reuse_interval', 10),
      additionalRedirectUrls: strList(auth, 'additional_redirect_urls', []),
      email: {
        otpLength: num(email, 'otp_length', 6),
        otpExpiry: num(email, 'otp_expiry', 3600),
        maxFrequencySeconds: goDuration(email, 'max_frequency', '1s'),
        templates: emailTemplates(section(email, 'template'), projectRoot),
      },
      // The Supabase CLI's config.toml defaults, which are hosted Supabase's.
      rateLimit: {
        emailSent: num(rateLimit, 'email_sent', 2),
        signInSignUps: num(rateLimit, 'sign_in_sign_ups', 30),
        tokenVerifications: num(rateLimit, 'token_verifications', 30),
        tokenRefresh: num(rateLimit, 'token_refresh', 150),
      },
    },
    inbucket: {
      enabled: bool(inbucket, 'enabled', true),
      port: port(inbucket, 'port', 54324),
      adminEmail: str(inbucket, 'admin_email', 'admin@email.com'),
      senderName: str(inbucket, 'sender_name', 'Admin'),
    },
  };
}

/**
 * `[auth.email.template.<type>]`. Unlike every other path in config.toml, the CLI resolves an e-mail template's
 * content_path against the project root (`[cli] pkg/config/config.go resolve`: "only email template is relative to
 * repo directory"), so `./supabase/templates/recovery.html` is the usual spelling.
 */
function emailTemplates(s: Section, projectRoot: string): EmailSettings['templates'] {
  const out: EmailSettings['templates'] = {};
  for (const name of Object.keys(s.values)) {
    const entry = section(s, name);
    const subject = raw(entry, 'subject');
    const contentPath = raw(entry, 'content_path');
    const file = typeof contentPath === 'string' && contentPath !== '' ? resolve(projectRoot, contentPath) : undefined;
    // The CLI reads every template when it loads config.toml and refuses to start without one.
    if (file && !existsSync(file)) {
      throw new UserError(`Invalid config for auth.email.template.${name}.content_path: ${file} does not exist.`, 'Fix the path (relative to the folder that holds supabase/), or remove the entry.');
    }
    out[name] = { subject: typeof subject === 'string' ? subject : undefined, contentPath: file };
  }
  return out;
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** A Go `time.Duration` string ("1s", "1m30s", "500ms"), as the CLI decodes `max_frequency`; in seconds. */
function goDuration(s: Section, key: string, fallback: string): number {
  const value = raw(s, key);
  const text = typeof value === 'string' && value !== '' ? value.trim() : fallback;
  if (text === '0') return 0;
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) {
    throw new UserError(`[${s.path}] ${key} = "${text}" (or ${envName(s, key)}) is not a duration.`, 'Use a Go duration such as "1s", "60s" or "1m30s".');
  }
  return parts.reduce((total, part) => total + Number(part[1]) * DURATION_UNITS[part[2]!]!, 0);
}

/**
 * LAN mode: LOCALBASE_API_HOST names one address of this machine that other devices can reach. Only the API gateway
 * listens there (PostgreSQL stays on loopback). A wildcard is refused: it would also expose every other interface
 * (VPNs, container bridges) and clash with the loopback listener.
 */
function lanAddress(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const fix = 'Set LOCALBASE_API_HOST to this machine\'s LAN address (`hostname -I` lists them), or unset it for loopback only.';
  if (!isIP(value)) throw new UserError(`LOCALBASE_API_HOST=${value} is not an IP address.`, fix);
  if (value === '0.0.0.0' || value === '::') throw new UserError(`LOCALBASE_API_HOST=${value} would listen on every interface.`, fix);
  if (value.startsWith('127.') || value === '::1') throw new UserError(`LOCALBASE_API_HOST=${value} is a loopback address; the gateway always listens on 127.0.0.1.`, fix);
  return value;
}

function hostForUrl(address: string): string {
  return isIP(address) === 6 ? `[${address}]` : address;
}

function readToml(path: string): Table {
  if (!existsSync(path)) return {};
  try {
    return parse(readFileSync(path, 'utf8')) as Table;
  } catch (error) {
    throw new UserError(`${path} is not valid TOML: ${(error as Error).message}`, 'Fix the file, or compare it with `supabase init`.');
  }
}

/** A config.toml table and its dotted path, so each value can be overridden from the environment. */
interface Section {
  values: Table;
  path: string;
  env: NodeJS.ProcessEnv;
}

function section(parent: Section, key: string): Section {
  const value = parent.values[key];
  const values = value && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : {};
  return { values, path: parent.path ? `${parent.path}.${key}` : key, env: parent.env };
}

/**
 * The Supabase CLI overrides any config.toml value from `SUPABASE_<PATH>` (viper's AutomaticEnv with the
 * "SUPABASE" prefix and "." → "_"), e.g. `SUPABASE_AUTH_JWT_EXPIRY=20`; localbase honours the same names.
 * An override arrives as a string; the typed readers below convert it or say which variable is wrong.
 */
function envName(s: Section, key: string): string {
  return `SUPABASE_${(s.path ? `${s.path}.${key}` : key).replace(/\./g, '_').toUpperCase()}`;
}

function raw(s: Section, key: string): unknown {
  const fromEnv = s.env[envName(s, key)];
  return fromEnv === undefined || fromEnv === '' ? s.values[key] : fromEnv;
}

function str(s: Section, key: string, fallback: string): string {
  const value = raw(s, key);
  return typeof value === 'string' && value !== '' ? value : fallback;
}

function num(s: Section, key: string, fallback: number): number {
  const value = raw(s, key);
  if (typeof value === 'string') {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isFinite(parsed)) throw badEnv(s, key, value, 'a number');
    return parsed;
  }
  return typeof value === 'number' || typeof value === 'bigint' ? Number(value) : fallback;
}

function bool(s: Section, key: string, fallback: boolean): boolean {
  const value = raw(s, key);
  if (typeof value === 'string') {
    if (value !== 'true' && value !== 'false') throw badEnv(s, key, value, 'true or false');
    return value === 'true';
  }
  return typeof value === 'boolean' ? value : fallback;
}

function strList(s: Section, key: string, fallback: string[]): string[] {
  const value = raw(s, key);
  if (typeof value === 'string') return value.split(',').map((item) => item.trim()).filter(Boolean);
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : fallback;
}

function badEnv(s: Section, key: string, value: string, expected: string): UserError {
  const name = envName(s, key);
  return new UserError(`${name}=${value} is not ${expected}.`, `Set ${name} to ${expected}, or unset it to use supabase/config.toml.`);
}

function port(s: Section, key: string, fallback: number): number {
  const value = num(s, key, fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new UserError(`[${s.path}] ${key} = ${value} in supabase/config.toml (or ${envName(s, key)}) is not a TCP port.`, 'Use a number from 1 to 65535.');
  }
  return value;
}
