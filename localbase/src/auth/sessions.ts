import { randomBytes, randomUUID } from 'node:crypto';
import { one, type Db } from './db.ts';

export interface SessionRow {
  id: string;
  user_id: string;
  aal: string | null;
  created_at: Date;
  not_after: Date | null;
  /** How the session signed in (auth.mfa_amr_claims): the access token's `amr`. */
  amr_method: string;
  amr_at: Date;
}

export interface RefreshTokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  parent: string | null;
  session_id: string | null;
  updated_at: Date;
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Algorithm v1 (`crypto.SecureAlphanumeric(12)`), what the CLI's GoTrue issues; clients treat it as opaque (A.7). */
export function newRefreshTokenString(): string {
  const bytes = randomBytes(12);
  return Array.from(bytes, (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}

/** `method` is GoTrue's AuthenticationMethod string: password, otp, recovery, magiclink, email/signup, … */
export async function createSession(db: Db, userId: string, now: Date, userAgent: string | undefined, method = 'password'): Promise<SessionRow> {
  const id = randomUUID();
  await db.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent)
     values ($1, $2, $3, $3, 'aal1', $4)`,
    [id, userId, now, userAgent ?? null],
  );
  await db.query('insert into auth.mfa_amr_claims (session_id, created_at, updated_at, authentication_method) values ($1, $2, $2, $3)', [id, now, method]);
  return { id, user_id: userId, aal: 'aal1', created_at: now, not_after: null, amr_method: method, amr_at: now };
}

export function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  // Sessions from before amr claims were stored were password sign-ins.
  return one<SessionRow>(
    db,
    `select s.id, s.user_id, s.aal, s.created_at, s.not_after,
            coalesce(c.authentication_method, 'password') as amr_method, coalesce(c.created_at, s.created_at) as amr_at
       from auth.sessions s
       left join lateral (select authentication_method, created_at from auth.mfa_amr_claims
                           where session_id = s.id order by created_at desc limit 1) c on true
      where s.id = $1`,
    [id],
  );
}

/** `refreshed_at` is `timestamp without time zone` upstream, stored as UTC. */
export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.query("update auth.sessions set refreshed_at = ($2::timestamptz at time zone 'utc'), updated_at = $2 where id = $1", [id, now]);
}

export async function insertRefreshToken(db: Db, userId: string, sessionId: string, parent: string | null, now: Date): Promise<string> {
  const token = newRefreshTokenString();
  await db.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, parent, session_id, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, $3, $4, $5, $5)`,
    [token, userId, parent, sessionId, now],
  );
  return token;
}

/** Locks the row so two refreshes of one token serialise (the second then sees it revoked). */
export function lockRefreshToken(db: Db, token: string): Promise<RefreshTokenRow | undefined> {
  return one<RefreshTokenRow>(
    db,
    'select id, token, user_id, revoked, parent, session_id, updated_at from auth.refresh_tokens where token = $1 for update',
    [token],
  );
}

/** `FindCurrentlyActiveRefreshToken`: the newest unrevoked token of the session. */
export function activeRefreshToken(db: Db, sessionId: string): Promise<{ token: string; parent: string | null } | undefined> {
  return one(db, 'select token, parent from auth.refresh_tokens where session_id = $1 and revoked = false order by id desc limit 1', [sessionId]);
}

/** Rotation marks the parent revoked and stamps updated_at: the reuse interval counts from this moment. */
export async function revokeRefreshToken(db: Db, id: string, now: Date): Promise<void> {
  await db.query('update auth.refresh_tokens set revoked = true, updated_at = $2 where id = $1', [id, now]);
}

/** `RevokeTokenFamily`: every live token of the session. */
export async function revokeTokenFamily(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.query('update auth.refresh_tokens set revoked = true, updated_at = $2 where session_id = $1 and revoked = false', [sessionId, now]);
}

/** Logout scopes (`[gotrue] internal/models/sessions.go`); refresh tokens go with their session (on delete cascade). */
export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.query('delete from auth.sessions where id = $1', [sessionId]);
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.query('delete from auth.sessions where user_id = $1', [userId]);
  // Tokens from before sessions existed carry no session_id; GoTrue's Logout removes those too.
  await db.query('delete from auth.refresh_tokens where user_id = $1', [userId]);
}

export async function deleteOtherSessions(db: Db, userId: string, keepSessionId: string): Promise<void> {
  await db.query('delete from auth.sessions where user_id = $1 and id <> $2', [userId, keepSessionId]);
}
