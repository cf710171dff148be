import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { json, type ApiRequest, type ApiResponse } from '../shared/http.ts';
import { metadata, NUL_MESSAGE, readJson, readOptionalJson } from './body.ts';
import { assertAcceptablePassword, hashPassword, validateEmail } from './credentials.ts';
import { transaction, type Db } from './db.ts';
import { now, type AuthDeps } from './deps.ts';
import { AuthError, badRequest, unprocessable } from './errors.ts';
import { requireAdmin } from './guard.ts';
import { paginationHeaders, parsePagination } from './pagination.ts';
import { userJson, type UserRow } from './user-json.ts';
import * as users from './users-repo.ts';

// `AdminUserAttributes` as auth-js sends them; `password_hash` lets a migration keep existing bcrypt hashes.
const AdminUserBody = z.object({
  id: z.string().uuid().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  password: z.string().nullish(),
  password_hash: z.string().nullish(),
  email_confirm: z.boolean().nullish(),
  phone_confirm: z.boolean().nullish(),
  user_metadata: metadata,
  app_metadata: metadata,
  role: z.string().nullish(),
  ban_duration: z.string().nullish(),
});
type AdminUserBody = z.infer<typeof AdminUserBody>;

const DeleteBody = z.object({ should_soft_delete: z.boolean().nullish() });

const EMAIL_EXISTS = () => unprocessable('email_exists', 'A user with this email address has already been registered');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /admin/users[/{id}] (`[gotrue] internal/api/admin.go`); every route needs an admin-role JWT. */
export async function admin(deps: AuthDeps, request: ApiRequest, userId: string | undefined): Promise<ApiResponse> {
  await requireAdmin(deps, request);
  if (userId === undefined) {
    if (request.method === 'GET') return listUsers(deps, request);
    if (request.method === 'POST') return createUser(deps, request);
    throw new AuthError(405, 'method_not_allowed', 'Method not allowed');
  }
  if (!UUID.test(userId)) throw badRequest('validation_failed', 'user_id must be an UUID');
  const user = await users.findUserById(deps.pool, userId);
  if (!user) throw new AuthError(404, 'user_not_found', 'User not found');
  if (request.method === 'GET') return json(200, userJson(user));
  if (request.method === 'PUT') return updateUser(deps, request, user);
  if (request.method === 'DELETE') return deleteUser(deps, request, user);
  throw new AuthError(405, 'method_not_allowed', 'Method not allowed');
}

async function listUsers(deps: AuthDeps, request: ApiRequest): Promise<ApiResponse> {
  const { page, perPage } = parsePagination(request.url.searchParams);
  const filter = request.url.searchParams.get('filter') ?? '';
  // Upstream sends it to an ILIKE, where PostgreSQL refuses a NUL (22021) and GoTrue answers 500; no address holds one.
  if (filter.includes('\u0000')) throw badRequest('validation_failed', NUL_MESSAGE);
  const result = await users.listUsers(deps.pool, deps.audience, page, perPage, filter);
  return json(200, { users: result.users.map(userJson), aud: deps.audience }, paginationHeaders(request, page, perPage, result.total));
}

const MAX_DURATION_MS = Number(2n ** 63n - 1n) / 1e6;

/** `ban_duration` is a Go duration ("24h", "90m") or "none" to lift a ban. */
export function banUntil(duration: string, nowMs: number): Date | null {
  if (duration === 'none') return null;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== duration) {
    throw badRequest('validation_failed', `invalid format for ban duration: time: invalid duration ${JSON.stringify(duration)}`);
  }
  const ms = parts.reduce((sum, [, value, unit]) => sum + Number(value) * units[unit!]!, 0);
  // time.ParseDuration refuses what overflows an int64 of nanoseconds (about 292 years) with the same message.
  if (ms > MAX_DURATION_MS) throw badRequest('validation_failed', `invalid format for ban duration: time: invalid duration ${JSON.stringify(duration)}`);
  return new Date(nowMs + ms);
}

/** POST /admin/users: no strength check, a random password when none is given, 200 (not 201). */
async function createUser(deps: AuthDeps, request: ApiRequest): Promise<ApiResponse> {
  const body = await readJson(request, AdminUserBody);
  if (!body.email && !body.phone) throw badRequest('validation_failed', 'Cannot create a user without either an email or phone');
  if (!body.email) throw badRequest('phone_provider_disabled', 'Phone signups are disabled');
  const email = validateEmail(body.email);
  if (await users.findUserByEmail(deps.pool, email, deps.audience)) throw EMAIL_EXISTS();
  const banned = body.ban_duration ? banUntil(body.ban_duration, deps.clock.nowMs()) : undefined;
  const encryptedPassword = body.password_hash ?? (await hashPassword(body.password || randomBytes(32).toString('base64url')));

  const created = await transaction(deps.pool, async (tx) => {
    const at = now(deps);
    const id = await users.insertUser(tx, {
      id: body.id ?? undefined,
      email,
      encryptedPassword,
      aud: deps.audience,
      role: body.role || 'authenticated',
      appMetadata: { provider: 'email', providers: ['email'] },
      userMetadata: body.user_metadata ?? {},
      now: at,
    });
    await users.insertIdentity(tx, id, 'email', { sub: id, email, email_verified: false, phone_verified: false }, at);
    if (body.app_metadata) await users.mergeMetadata(tx, id, 'app', body.app_metadata, at);
    if (body.email_confirm) await users.confirmEmail(tx, id, at);
    if (banned !== undefined) await users.setBannedUntil(tx, id, banned, at);
    return (await users.findUserById(tx, id)) as UserRow;
  }).catch(rethrowDuplicate);
  return json(200, userJson(created));
}

/** PUT /admin/users/{id}: unlike PUT /user, the password is strength-checked but may equal the old one. */
async function updateUser(deps: AuthDeps, request: ApiRequest, user: UserRow): Promise<ApiResponse> {
  const body: AdminUserBody = await readJson(request, AdminUserBody);
  const email = body.email ? validateEmail(body.email) : undefined;
  if (email && email !== user.email && (await users.findUserByEmail(deps.pool, email, deps.audience))) throw EMAIL_EXISTS();
  if (body.phone) throw unprocessable('phone_provider_disabled', 'Unsupported phone provider');
  const banned = body.ban_duration ? banUntil(body.ban_duration, deps.clock.nowMs()) : undefined;
  let encryptedPassword = body.password_hash ?? undefined;
  if (body.password) {
    assertAcceptablePassword(body.password, deps.auth.minimumPasswordLength);
    encryptedPassword = await hashPassword(body.password);
  }

  const updated = await transaction(deps.pool, async (tx: Db) => {
    const at = now(deps);
    if (body.role) await users.setRole(tx, user.id, body.role, at);
    if (body.email_confirm && !user.email_confirmed_at) await users.confirmEmail(tx, user.id, at);
    if (encryptedPassword !== undefined) await users.setPassword(tx, user.id, encryptedPassword, at);
    if (email && email !== user.email) await users.setEmail(tx, user.id, email, at);
    if (body.app_metadata) await users.mergeMetadata(tx, user.id, 'app', body.app_metadata, at);
    if (body.user_metadata) await users.mergeMetadata(tx, user.id, 'user', body.user_metadata, at);
    if (banned !== undefined) await users.setBannedUntil(tx, user.id, banned, at);
    return (await users.findUserById(tx, user.id)) as UserRow;
  }).catch(rethrowDuplicate);
  return json(200, userJson(updated));
}

/** DELETE /admin/users/{id}: hard delete unless `should_soft_delete`; answers `{}`. */
async function deleteUser(deps: AuthDeps, request: ApiRequest, user: UserRow): Promise<ApiResponse> {
  const body = await readOptionalJson(request, DeleteBody, { should_soft_delete: false });
  if (!body.should_soft_delete) await users.deleteUser(deps.pool, user.id);
  else if (!user.deleted_at) await transaction(deps.pool, (tx) => users.softDeleteUser(tx, user.id, now(deps)));
  return json(200, {});
}

function rethrowDuplicate(error: unknown): never {
  if ((error as { code?: string }).code === '23505') throw EMAIL_EXISTS();
  throw error;
}
