import pg from 'pg';
import { expect } from 'vitest';
import { db, type Row } from './calendar-support';
import { sql, type Stack, type User } from './support';

// Shared by the chat db tests: messages sent and changed as a user through PostgREST, the table as the superuser
// sees it, and seeding many messages by SQL.

export type Answer = { status: number; data: unknown; error: { code: string; message: string; hint?: string | null } | null };
export type Message = Row & { id: string; body: string; version: number; created_at: string; edited_at: string | null; deleted_at: string | null };

export const send = (user: User, band: string, body: string, fields: Row = {}): PromiseLike<Answer> =>
  db(user).from('messages').insert({ band_id: band, body, ...fields }).select().single();

export async function sent(user: User, band: string, body: string, fields: Row = {}): Promise<Message> {
  const answered = await send(user, band, body, fields);
  if (answered.error) throw new Error(`send failed: ${answered.error.code} ${answered.error.message}`);
  return answered.data as Message;
}

export const change = (user: User, id: string, fields: Row): PromiseLike<Answer> => db(user).from('messages').update(fields).eq('id', id).select();

/** The message as the superuser sees it (inspection only). */
export async function stored(stack: Stack, id: string): Promise<Message | undefined> {
  return (await sql<Message>(stack, 'select * from public.messages where id = $1', [id]))[0];
}

/** Asserts the request is refused with `status` and `code` and the message did not change at all. */
export async function refusedMessage(stack: Stack, id: string, status: number, code: string, request: () => PromiseLike<Answer>) {
  const before = await stored(stack, id);
  const answered = await request();
  expect({ status: answered.status, code: answered.error?.code }).toEqual({ status, code });
  expect(await stored(stack, id)).toEqual(before);
  return answered.error!;
}

/**
 * `count` messages by `author` in `band`, five to a millisecond (so keyset pages must break ties on id), the
 * newest at `newest`. Triggers are off for this session only (session_replication_role): stamp_live_row would
 * otherwise give every row the transaction's now().
 */
export async function seed(stack: Stack, band: string, author: string, count: number, newest = new Date()): Promise<void> {
  await withDb(stack, async (client) => {
    await client.query('set session_replication_role = replica');
    await client.query(
      `insert into public.messages (band_id, author_id, body, created_at, updated_at)
       select $1, $2, 'Seeded ' || i, t, t
         from generate_series(1, $3::int) i, lateral (select $4::timestamptz - ((i - 1) / 5) * interval '1 millisecond' as t) s`,
      [band, author, count, newest.toISOString()],
    );
    await client.query('analyze public.messages');
  });
}

/** One superuser connection for statements that must share a session (settings, transactions). */
export async function withDb<T>(stack: Stack, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** EXPLAIN of `query` as `user` would run it through PostgREST: role authenticated, their JWT claims, RLS on. */
export async function planAs(stack: Stack, user: User, query: string, params: unknown[]): Promise<string> {
  return withDb(stack, async (client) => {
    await client.query('begin');
    try {
      await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ sub: user.id, role: 'authenticated' })]);
      await client.query('set local role authenticated');
      const rows = (await client.query<{ 'QUERY PLAN': string }>(`explain ${query}`, params)).rows;
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      await client.query('rollback');
    }
  });
}

/**
 * Runs `requests` so that they meet in the database: the superuser holds a SHARE lock on messages (which every
 * INSERT waits for) until `waiters` of them wait, then lets go. Without it, HTTP calls from one process mostly
 * arrive one after the other and a missing lock in the rate limit would go unnoticed.
 */
export async function sendTogether<T>(stack: Stack, waiters: number, requests: Array<() => PromiseLike<T>>): Promise<T[]> {
  return withDb(stack, async (holder) => {
    await holder.query('begin');
    await holder.query('lock table public.messages in share mode');
    const holderPid = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    const answers = Promise.all(requests.map((request) => request()));
    const deadline = Date.now() + 10_000;
    const waiting = async () =>
      // Only API requests (localbase's REST pool connects as authenticator) that wait on the holder: other test
      // files' superuser writes to messages may queue behind it too and must not count.
      (await sql<{ n: number }>(
        stack,
        "select count(*)::int as n from pg_stat_activity where usename = 'authenticator' and $1 = any(pg_blocking_pids(pid))",
        [holderPid],
      ))[0]!.n;
    while ((await waiting()) < waiters) {
      if (Date.now() > deadline) throw new Error('the sends never queued behind the lock');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await holder.query('rollback');
    return answers;
  });
}
