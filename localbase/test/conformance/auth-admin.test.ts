import { describe, expect, inject, it } from 'vitest';
import { client, uniqueEmail } from './target.ts';

const target = inject('target');

const ADMIN_KEYS = [
  ['legacy service_role JWT', target.serviceRoleKey],
  ['sb_secret_ key', target.secretKey],
] as const;

describe.each(ADMIN_KEYS)('auth admin API with the %s', (_name, key) => {
  it('admin.createUser: 200 with a confirmed user and the given metadata; no strength check', async () => {
    const email = uniqueEmail('admin-create');
    const admin = client(target, key).auth.admin;
    const { data, error } = await admin.createUser({ email, password: 'abc', email_confirm: true, user_metadata: { seat: 'keys' }, app_metadata: { plan: 'pro' } });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      email,
      user_metadata: { seat: 'keys', email_verified: true },
      app_metadata: { provider: 'email', providers: ['email'], plan: 'pro' },
    });
    expect(data.user?.email_confirmed_at).toBeTruthy();
    // The admin skipped the policy, so the sign-in flags it.
    const signedIn = await client(target, target.publishableKey).auth.signInWithPassword({ email, password: 'abc' });
    expect(signedIn.error).toBeNull();
    expect(signedIn.data.weakPassword).toMatchObject({ reasons: ['length'] });
  });

  it('admin.createUser: a taken address is 422 email_exists', async () => {
    const email = uniqueEmail('admin-dup');
    const admin = client(target, key).auth.admin;
    await admin.createUser({ email, email_confirm: true });
    const { error } = await admin.createUser({ email });
    expect(error).toMatchObject({ status: 422, code: 'email_exists', message: 'A user with this email address has already been registered' });
  });

  it('admin.listUsers: pages with X-Total-Count and a Link header', async () => {
    const admin = client(target, key).auth.admin;
    for (let i = 0; i < 3; i++) await admin.createUser({ email: uniqueEmail('admin-list'), email_confirm: true });
    const { data, error } = await admin.listUsers({ page: 1, perPage: 2 });
    expect(error).toBeNull();
    if (!('total' in data)) throw new Error('listUsers returned no pagination');
    expect(data.users).toHaveLength(2);
    expect(data.total).toBeGreaterThanOrEqual(3);
    expect(data.nextPage).toBe(2);
    expect(data.aud).toBe('authenticated');

    const res = await fetch(`${target.url}/auth/v1/admin/users?page=1&per_page=2`, { headers: { apikey: key, authorization: `Bearer ${key}` } });
    const total = Number(res.headers.get('x-total-count'));
    expect(total).toBe(data.total);
    const lastPage = Math.ceil(total / 2);
    expect(res.headers.get('link')).toBe(
      `</admin/users?page=2&per_page=2>; rel="next", </admin/users?page=${lastPage}&per_page=2>; rel="last"`,
    );
  });

  it('admin.getUserById / updateUserById / deleteUser', async () => {
    const admin = client(target, key).auth.admin;
    const created = await admin.createUser({ email: uniqueEmail('admin-crud'), email_confirm: true, user_metadata: { a: 1 } });
    const id = created.data.user!.id;
    expect((await admin.getUserById(id)).data.user?.id).toBe(id);
    const updated = await admin.updateUserById(id, { user_metadata: { b: 2 }, app_metadata: { role_hint: 'owner' } });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.user_metadata).toMatchObject({ a: 1, b: 2 });
    expect(updated.data.user?.app_metadata).toMatchObject({ role_hint: 'owner' });
    expect((await admin.deleteUser(id)).error).toBeNull();
    const gone = await admin.getUserById(id);
    expect(gone.error).toMatchObject({ status: 404, code: 'user_not_found' });
  });

  it('admin routes refuse a non-admin token with 403 not_admin', async () => {
    const { error } = await client(target, target.publishableKey).auth.admin.listUsers();
    expect(error).toMatchObject({ status: 403, code: 'not_admin', message: 'User not allowed' });
  });
});
