import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { client, mintJwt, type Target } from './target.ts';

/** Both Phoenix serializers realtime-js 2.119 speaks. */
export const VSNS = ['1.0.0', '2.0.0'] as const;
export type VsnLabel = (typeof VSNS)[number];

export function realtimeClient(target: Target, key: string, vsn: VsnLabel): SupabaseClient {
  return client(target, key, { realtime: { vsn } });
}

/** Tokens are minted from the stack's secret, never hard-coded; Auth's tokens carry this `aud`. */
export async function mintToken(target: Target, claims: Record<string, unknown>, expiresInSeconds = 3600): Promise<string> {
  return mintJwt(target, { aud: 'authenticated', ...claims }, { expiresIn: expiresInSeconds });
}

/** Resolves with the first terminal status of subscribe(): SUBSCRIBED, CHANNEL_ERROR, TIMED_OUT or CLOSED. */
export function subscribed(channel: RealtimeChannel): Promise<{ status: string; error?: Error }> {
  return new Promise((resolve) => {
    channel.subscribe((status, error) => resolve({ status, error }));
  });
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Collects `system` events so tests can wait for "Subscribed to PostgreSQL" or an error. */
export function systemEvents(channel: RealtimeChannel): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  channel.on('system', {}, (payload: Record<string, unknown>) => events.push(payload));
  return events;
}

export async function withDb<T>(target: Target, run: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: target.dbUrl });
  await db.connect();
  try {
    return await run(db);
  } finally {
    await db.end();
  }
}

export function uniqueName(tag: string): string {
  return `${tag}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
}

/** Opens a raw socket and reports the HTTP status of a refused upgrade plus its JSON body, or 101. */
export function handshake(url: string): Promise<{ status: number; body?: unknown }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => {
      ws.close();
      resolve({ status: 101 });
    });
    ws.on('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    ws.on('error', (error) => reject(error));
  });
}
