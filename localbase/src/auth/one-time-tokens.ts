import { createHash, randomInt, randomUUID } from 'node:crypto';
import { one, type Db } from './db.ts';

export type OneTimeTokenType = 'confirmation_token' | 'recovery_token' | 'email_change_token_new' | 'email_change_token_current';

/** The auth.users column that mirrors each token, and the timestamp its expiry counts from. */
const USER_COLUMNS: Record<OneTimeTokenType, { token: string; sentAt: string }> = {
  confirmation_token: { token: 'confirmation_token', sentAt: 'confirmation_sent_at' },
  recovery_token: { token: 'recovery_token', sentAt: 'recovery_sent_at' },
  email_change_token_new: { token: 'email_change_token_new', sentAt: 'email_change_sent_at' },
  email_change_token_current: { token: 'email_change_token_current', sentAt: 'email_change_sent_at' },
};

/** `crypto.GenerateOtp`: uniformly random digits, zero-padded. */
export function generateOtp(length: number): string {
  return String(randomInt(0, 10 ** length)).padStart(length, '0');
}

/** `crypto.GenerateTokenHash`: hex SHA-224 of the address followed by the code; a link carries this, never the code. */
export function tokenHash(emailOrPhone: string, otp: string): string {
  return createHash('sha224').update(emailOrPhone + otp).digest('hex');
}

/** `addFlowPrefixToToken`: a PKCE flow's hash is stored as `pkce_<hash>`, which tells GET /verify to answer with a code. */
export function withFlowPrefix(hash: string, pkce: boolean): string {
  return pkce ? `pkce_${hash}` : hash;
}

/** Stores a mailed token as GoTrue does: on the user row (with its sent-at time) and in auth.one_time_tokens. */
export async function storeToken(db: Db, userId: string, type: OneTimeTokenType, relatesTo: string, hash: string, now: Date): Promise<void> {
  const { token, sentAt } = USER_COLUMNS[type];
  await db.query(`update auth.users set ${token} = $2, ${sentAt} = $3 where id = $1`, [userId, hash, now]);
  await db.query('delete from auth.one_time_tokens where user_id = $1 and token_type = $2', [userId, type]);
  await db.query(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
     values ($1, $2, $3, $4, lower($5), $6 at time zone 'utc', $6 at time zone 'utc')`,
    [randomUUID(), userId, type, hash, relatesTo, now],
  );
}

export interface FoundToken {
  userId: string;
  type: OneTimeTokenType;
  hash: string;
}

/** `FindOneTimeToken` for one or two kinds; the row is locked so a token cannot be spent twice concurrently. */
export function findToken(db: Db, hash: string, types: OneTimeTokenType[]): Promise<FoundToken | undefined> {
  return one<FoundToken>(
    db,
    `select user_id as "userId", token_type::text as type, token_hash as hash from auth.one_time_tokens
      where token_hash = $1 and token_type::text = any($2) limit 1 for update`,
    [hash, types],
  );
}

/** The user's live token of a kind (the OTP path, which knows the address and hashes the code itself). */
export function findUserToken(db: Db, userId: string, type: OneTimeTokenType): Promise<{ hash: string } | undefined> {
  return one(db, 'select token_hash as hash from auth.one_time_tokens where user_id = $1 and token_type = $2 for update', [userId, type]);
}

/** Spending any token clears every token of the user (`User.Recover`, `User.Confirm`, `ConfirmEmailChange`). */
export async function clearTokens(db: Db, userId: string): Promise<void> {
  await db.query(
    `update auth.users set recovery_token = '', confirmation_token = '', email_change_token_new = '', email_change_token_current = ''
      where id = $1`,
    [userId],
  );
  await db.query('delete from auth.one_time_tokens where user_id = $1', [userId]);
}

/** Expiry counts from the sent-at column of the token's kind (`isOtpExpired`). */
export function sentAtColumn(type: OneTimeTokenType): 'confirmation_sent_at' | 'recovery_sent_at' | 'email_change_sent_at' {
  return USER_COLUMNS[type].sentAt as 'confirmation_sent_at' | 'recovery_sent_at' | 'email_change_sent_at';
}
