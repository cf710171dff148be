import { randomUUID } from 'node:crypto';
import { one, type Db } from './db.ts';
import type { UserRow } from './user-json.ts';

// Every read returns the user with its identities, so one query serves both the JSON (A.4) and the JWT claims (A.5).
const SELECT_USER = `
  select u.id, u.aud, u.role, u.email, u.encrypted_password, u.email_confirmed_at, u.phone, u.phone_confirmed_at,
         u.confirmation_sent_at, u.confirmed_at, u.recovery_sent_at, u.confirmation_token, u.recovery_token, u.email_change, u.email_change_sent_at,
         u.phone_change, u.phone_change_sent_at, u.invited_at, u.last_sign_in_at, u.raw_app_meta_data,
         u.raw_user_meta_data, u.created_at, u.updated_at, u.banned_until, u.deleted_at, u.is_anonymous,
         coalesce((select json_agg(i order by i.created_at) from auth.identities i where i.user_id = u.id), '[]') as identities
    from auth.users u`;

export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return one<UserRow>(db, `${SELECT_USER} where u.id = $1`, [id]);
}

/** `FindUserByEmailAndAudience`: case-insensitive, SSO users excluded. */
export function findUserByEmail(db: Db, email: string, aud: string): Promise<UserRow | undefined> {
  return one<UserRow>(db, `${SELECT_USER} where lower(u.email) = lower($1) and u.aud = $2 and u.is_sso_user = false`, [email, aud]);
}

export interface NewUser {
  id?: string;
  email: string;
  encryptedPassword: string;
  aud: string;
  role: string;
  appMetadata: Record<string, unknown>;
  userMetadata: Record<string, unknown>;
  now: Date;
}

export async function insertUser(db: Db, user: NewUser): Promise<string> {
  const id = user.id ?? randomUUID();
  await db.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data, raw_user_meta_data,
                             created_at, updated_at, is_anonymous)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, $3, $4, $5, $6, $7, $8, $8, false)`,
    [id, user.aud, user.role, user.email, user.encryptedPassword, user.appMetadata, user.userMetadata, user.now],
  );
  return id;
}

export async function insertIdentity(db: Db, userId: string, provider: string, identityData: Record<string, unknown>, now: Date): Promise<void> {
  // For the email provider the provider_id is the user id (`[gotrue] createNewIdentity`).
  await db.query(
    `insert into auth.identities (id, provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1, $2::text, $2::uuid, $3, $4, $5, $5)`,
    [randomUUID(), userId, identityData, provider, now],
  );
}

/** `User.Confirm`: sets email_confirmed_at and merges `email_verified: true` into user_metadata. */
export async function confirmEmail(db: Db, userId: string, now: Date): Promise<void> {
  await db.query(
    `update auth.users set email_confirmed_at = $2, updated_at = $2,
            raw_user_meta_data = coalesce(raw_user_meta_data, '{}') || '{"email_verified": true}'
      where id = $1`,
    [userId, now],
  );
}

export async function recordSignIn(db: Db, userId: string, now: Date): Promise<void> {
  await db.query('update auth.users set last_sign_in_at = $2, updated_at = $2 where id = $1', [userId, now]);
  await db.query("update auth.identities set last_sign_in_at = $2 where user_id = $1 and provider = 'email'", [userId, now]);
}

/** `UpdateUserMetaData` / `UpdateAppMetaData`: shallow merge, a key set to null is removed. */
export function splitMetadataPatch(patch: Record<string, unknown>): { set: Record<string, unknown>; remove: string[] } {
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) remove.push(key);
    else set[key] = value;
  }
  return { set, remove };
}

export async function mergeMetadata(db: Db, userId: string, column: 'user' | 'app', patch: Record<string, unknown>, now: Date): Promise<void> {
  const { set, remove } = splitMetadataPatch(patch);
  const target = column === 'user' ? 'raw_user_meta_data' : 'raw_app_meta_data';
  await db.query(`update auth.users set ${target} = (coalesce(${target}, '{}') || $2::jsonb) - $3::text[], updated_at = $4 where id = $1`, [
    userId,
    set,
    remove,
    now,
  ]);
}

export async function setPassword(db: Db, userId: string, encryptedPassword: string, now: Date): Promise<void> {
  await db.query('update auth.users set encrypted_password = $2, updated_at = $3 where id = $1', [userId, encryptedPassword, now]);
}

/** Changes the address and keeps the email identity in step (`SetEmail` + `UpdateIdentityData`). */
export async function setEmail(db: Db, userId: string, email: string, now: Date): Promise<void> {
  await db.query("update auth.users set email = $2, email_change = '', email_change_sent_at = null, updated_at = $3 where id = $1", [userId, email, now]);
  await db.query(
    `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text), updated_at = $3
      where user_id = $1 and provider = 'email'`,
    [userId, email, now],
  );
}

export async function setRole(db: Db, userId: string, role: string, now: Date): Promise<void> {
  await db.query('update auth.users set role = $2, updated_at = $3 where id = $1', [userId, role, now]);
}

export async function setBannedUntil(db: Db, userId: string, until: Date | null, now: Date): Promise<void> {
  await db.query('update auth.users set banned_until = $2, updated_at = $3 where id = $1', [userId, until, now]);
}

export async function deleteUser(db: Db, userId: string): Promise<void> {
  await db.query('delete from auth.users where id = $1', [userId]);
}

/**
 * `SoftDeleteUser`: the row stays (foreign keys keep pointing at it) but loses everything that identifies the person,
 * which also frees the e-mail address for a new sign-up; sessions go.
 */
export async function softDeleteUser(db: Db, userId: string, now: Date): Promise<void> {
  await db.query(
    `update auth.users set email = null, phone = null, encrypted_password = '', raw_user_meta_data = '{}',
            raw_app_meta_data = '{}', deleted_at = $2, updated_at = $2 where id = $1`,
    [userId, now],
  );
  await db.query(`update auth.identities set provider_id = md5(provider_id || id::text), identity_data = '{}' where user_id = $1`, [userId]);
  await db.query('delete from auth.sessions where user_id = $1', [userId]);
}

export interface UserPage {
  users: UserRow[];
  total: number;
}

/** `FindUsersInAudience`, newest first; `filter` matches e-mail or full name like GoTrue's. */
export async function listUsers(db: Db, aud: string, page: number, perPage: number, filter: string): Promise<UserPage> {
  const where = `u.aud = $1 and ($2 = '' or u.email ilike '%' || $2 || '%' or u.raw_user_meta_data ->> 'full_name' ilike '%' || $2 || '%')`;
  const total = await one<{ count: string }>(db, `select count(*) from auth.users u where ${where}`, [aud, filter]);
  const rows = await db.query<UserRow>(`${SELECT_USER} where ${where} order by u.created_at desc, u.id limit $3 offset $4`, [
    aud,
    filter,
    perPage,
    // Clamped: a huge page times a huge size is no longer an exact integer, and any such offset is past the end.
    Math.min((page - 1) * perPage, Number.MAX_SAFE_INTEGER),
  ]);
  return { users: rows.rows, total: Number(total?.count ?? 0) };
}
