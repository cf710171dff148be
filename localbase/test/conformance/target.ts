import { createClient, type SupabaseClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';

/** The stack under test: URL, keys, and a superuser DB URL for per-file schema setup. */
export interface Target {
  url: string;
  dbUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  publishableKey: string;
  secretKey: string;
  jwtSecret: string;
  /** The mail catcher's Mailpit API (`status` MAILPIT_URL; LOCALBASE_TARGET_MAILPIT_URL elsewhere). */
  mailUrl?: string;
  isLocalbase: boolean;
}

/**
 * LOCALBASE_TARGET_URL plus LOCALBASE_TARGET_{DB_URL,ANON_KEY,SERVICE_ROLE_KEY,PUBLISHABLE_KEY,SECRET_KEY,JWT_SECRET}
 * point the suite at another Supabase; `supabase status -o env` prints every value it needs.
 */
export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): Target | undefined {
  if (!env.LOCALBASE_TARGET_URL) return undefined;
  const need = (name: string) => {
    const value = env[`LOCALBASE_TARGET_${name}`];
    if (!value) throw new Error(`LOCALBASE_TARGET_URL is set, so LOCALBASE_TARGET_${name} is required too (see \`supabase status -o env\`).`);
    return value;
  };
  return {
    url: env.LOCALBASE_TARGET_URL,
    dbUrl: need('DB_URL'),
    anonKey: need('ANON_KEY'),
    serviceRoleKey: need('SERVICE_ROLE_KEY'),
    publishableKey: need('PUBLISHABLE_KEY'),
    secretKey: need('SECRET_KEY'),
    jwtSecret: need('JWT_SECRET'),
    mailUrl: env.LOCALBASE_TARGET_MAILPIT_URL,
    isLocalbase: false,
  };
}

/** The target a running localbase describes in `localbase status -o json`. */
export function targetFromStatus(vars: Record<string, string>): Target {
  return {
    url: vars.API_URL!,
    dbUrl: vars.DB_URL!,
    anonKey: vars.ANON_KEY!,
    serviceRoleKey: vars.SERVICE_ROLE_KEY!,
    publishableKey: vars.PUBLISHABLE_KEY!,
    secretKey: vars.SECRET_KEY!,
    jwtSecret: vars.JWT_SECRET!,
    mailUrl: vars.MAILPIT_URL,
    isLocalbase: true,
  };
}

/**
 * The unmodified supabase-js client. On Node 20 it needs a WebSocket class (README, "Node 20 and WebSocket"); we pass `ws`
 * exactly as supabase-js's own integration tests do, and nothing when the runtime has one.
 */
export function client(target: Target, key: string, options: SupabaseClientOptions<'public'> = {}): SupabaseClient {
  const transport = typeof globalThis.WebSocket === 'undefined' ? (WebSocket as unknown as typeof globalThis.WebSocket) : undefined;
  return createClient(target.url, key, {
    ...options,
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, ...options.auth },
    realtime: { ...(transport ? { transport } : {}), ...options.realtime },
  });
}

/** Runs setup SQL as the superuser, then asks the REST schema cache to reload (PostgREST's NOTIFY channel). */
export async function applySql(target: Target, sql: string): Promise<void> {
  const db = new pg.Client({ connectionString: target.dbUrl });
  await db.connect();
  try {
    await db.query(sql);
    await db.query("notify pgrst, 'reload schema'");
  } finally {
    await db.end();
  }
}

/** A unique e-mail per call, so tests can share one stack without colliding. */
export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** A password every test user can share: long enough for the default minimum. */
export const TEST_PASSWORD = 'correct-horse-1';

/** Every public-facing call must work with both the legacy anon JWT and the opaque publishable key (issue 3). */
export function publicKeys(target: Target): ReadonlyArray<readonly [label: string, key: string]> {
  return [
    ['legacy anon JWT', target.anonKey],
    ['sb_publishable_ key', target.publishableKey],
  ];
}

/** A JWT signed with the target's secret (never a literal in a test); `secret` overrides it to forge a bad signature. */
export async function mintJwt(target: Target, claims: Record<string, unknown>, options: { secret?: string; expiresIn?: number } = {}): Promise<string> {
  const { SignJWT } = await import('jose');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iat: now, exp: now + (options.expiresIn ?? 3600), ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(options.secret ?? target.jwtSecret));
}

/** A raw REST request for what supabase-js cannot express (headers, bad input); returns status, headers and parsed body. */
export async function restFetch(target: Target, path: string, init: RequestInit & { key?: string } = {}) {
  const headers = new Headers(init.headers);
  if (!headers.has('apikey')) headers.set('apikey', init.key ?? target.anonKey);
  const res = await fetch(`${target.url}/rest/v1${path}`, { ...init, headers });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: keep the text.
  }
  return { status: res.status, headers: res.headers, body };
}

/**
 * Polls until every table answers through REST, since the schema cache reloads asynchronously, as PostgREST's does.
 * A GET on purpose: a HEAD answer has no body, so its PGRST205 has no code for supabase-js to read (an empty 404
 * even becomes status 204) and the wait would end before the cache has reloaded.
 */
export async function waitForRestTables(target: Target, tables: string[], timeoutMs = 10_000): Promise<void> {
  const service = client(target, target.secretKey);
  const deadline = Date.now() + timeoutMs;
  for (const table of tables) {
    for (;;) {
      const { error } = await service.from(table).select('*').limit(0);
      if (!error || error.code !== 'PGRST205') break;
      if (Date.now() > deadline) throw new Error(`Table ${table} never became visible through REST: ${error.message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
