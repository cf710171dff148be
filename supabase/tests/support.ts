import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import type { Database } from '@/lib/database.types';

export type Stack = { url: string; dbUrl: string; anonKey: string };
export type Client = SupabaseClient<Database>;
export type User = { id: string; client: Client; token: string };

let counter = 0;

/** A fresh user signed in through GoTrue, with its own client whose REST and Realtime act as that user. */
export async function signUp(stack: Stack, name: string): Promise<User> {
  // Node 20 has no global WebSocket; supabase-js's own tests pass `ws` the same way.
  const transport = typeof globalThis.WebSocket === 'undefined' ? (WebSocket as unknown as typeof globalThis.WebSocket) : undefined;
  const client = createClient<Database>(stack.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: transport ? { transport } : {},
  });
  const email = `${name}-${Date.now().toString(36)}-${++counter}@db-test.invalid`;
  const { data, error } = await client.auth.signUp({ email, password: 'db-test-password', options: { data: { display_name: name } } });
  if (error || !data.session || !data.user) throw error ?? new Error('sign-up returned no session');
  // Realtime joins as anon unless it has the token before subscribing (as AuthProvider does in the app).
  await client.realtime.setAuth(data.session.access_token);
  return { id: data.user.id, client, token: data.session.access_token };
}

/** Runs SQL as the superuser (setup and inspection only; the behaviour under test goes through the API). */
export async function sql<T extends pg.QueryResultRow>(stack: Stack, text: string, params: unknown[] = []): Promise<T[]> {
  const db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  try {
    return (await db.query<T>(text, params)).rows;
  } finally {
    await db.end();
  }
}

/** A band created by `owner` through create_band(), with the other users added in the given roles. */
export async function band(stack: Stack, owner: User, others: Array<[User, 'owner' | 'admin' | 'member']> = []): Promise<string> {
  const { data, error } = await owner.client.rpc('create_band', { band_name: 'Test band' });
  if (error) throw error;
  for (const [user, role] of others) {
    await sql(stack, 'insert into public.band_members (band_id, user_id, role) values ($1, $2, $3)', [data, user.id, role]);
  }
  return data;
}

export async function roleOf(stack: Stack, bandId: string, userId: string): Promise<string | undefined> {
  const rows = await sql<{ role: string }>(stack, 'select role from public.band_members where band_id = $1 and user_id = $2', [bandId, userId]);
  return rows[0]?.role;
}

/** The first terminal status of subscribe(): SUBSCRIBED, CHANNEL_ERROR, TIMED_OUT or CLOSED. */
export function subscribed(channel: RealtimeChannel): Promise<{ status: string; error?: Error }> {
  return new Promise((resolve) => channel.subscribe((status, error) => resolve({ status, error })));
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
