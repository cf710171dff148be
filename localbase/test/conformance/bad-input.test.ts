import { connect } from 'node:net';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { applySql, client, restFetch, TEST_PASSWORD, uniqueEmail, waitForRestTables } from './target.ts';

const target = inject('target');

/**
 * Inputs a security review found answering 500 (a PostgreSQL error, a URIError, a stack overflow). Each must be the
 * 4xx a client can act on, in its service's error shape; none may take the stack down.
 */

const NUL = '\u0000';
const adminHeaders = { apikey: target.secretKey, authorization: `Bearer ${target.secretKey}`, 'x-supabase-api-version': '2024-01-01' };

async function authFetch(path: string, init: RequestInit = {}): Promise<{ status: number; body: { code?: string; message?: string } }> {
  const res = await fetch(`${target.url}/auth/v1${path}`, { ...init, headers: { ...adminHeaders, 'content-type': 'application/json', ...init.headers } });
  return { status: res.status, body: (await res.json()) as { code?: string; message?: string } };
}

describe('auth: bad input is 400, never 500', () => {
  const sb = () => client(target, target.publishableKey);

  it('a NUL anywhere in a JSON body is 400 validation_failed: password grant, refresh, signup data, PUT /user', async () => {
    const nulError = { status: 400, code: 'validation_failed', message: 'Invalid input: text cannot contain the NUL character (\\u0000)' };
    expect((await sb().auth.signInWithPassword({ email: `a${NUL}@example.com`, password: TEST_PASSWORD })).error).toMatchObject(nulError);
    expect((await sb().auth.refreshSession({ refresh_token: `a${NUL}b` })).error).toMatchObject(nulError);
    expect((await sb().auth.signUp({ email: uniqueEmail('nul'), password: TEST_PASSWORD, options: { data: { display_name: `a${NUL}` } } })).error).toMatchObject(nulError);

    const user = sb();
    const signedUp = await user.auth.signUp({ email: uniqueEmail('nul-update'), password: TEST_PASSWORD });
    expect(signedUp.error).toBeNull();
    expect((await user.auth.updateUser({ data: { x: NUL } })).error).toMatchObject(nulError);
    expect((await user.auth.updateUser({ data: { x: 'fine' } })).data.user?.user_metadata).toMatchObject({ x: 'fine' });
  });

  it('GET /admin/users?filter=%00 is 400 validation_failed', async () => {
    const { status, body } = await authFetch('/admin/users?filter=%00');
    expect(status).toBe(400);
    expect(body.code).toBe('validation_failed');
  });

  it('a malformed escape as the user id is 400 "user_id must be an UUID", as any other non-UUID', async () => {
    for (const id of ['%E0', 'not-a-uuid']) {
      expect(await authFetch(`/admin/users/${id}`)).toEqual({ status: 400, body: { code: 'validation_failed', message: 'user_id must be an UUID' } });
    }
  });

  it('page / per_page beyond uint64 are 400 with strconv.ParseUint\'s "value out of range"; within it they answer', async () => {
    for (const name of ['page', 'per_page']) {
      const { status, body } = await authFetch(`/admin/users?${name}=99999999999999999999`);
      expect(status).toBe(400);
      expect(body).toEqual({ code: 'validation_failed', message: 'Bad Pagination Parameters: strconv.ParseUint: parsing "99999999999999999999": value out of range' });
    }
    const huge = await authFetch('/admin/users?page=18446744073709551615&per_page=18446744073709551615');
    expect(huge.status).toBe(200);
    expect((huge.body as { users?: unknown[] }).users).toEqual([]);
    const all = await authFetch('/admin/users?per_page=9007199254740993');
    expect(all.status).toBe(200);
    expect((all.body as { users?: unknown[] }).users?.length).toBeGreaterThan(0);
  });

  it('a ban_duration past int64 nanoseconds is 400 as time.ParseDuration refuses it; just under is accepted', async () => {
    const admin = client(target, target.secretKey).auth.admin;
    const created = await admin.createUser({ email: uniqueEmail('ban-overflow'), email_confirm: true });
    const id = created.data.user!.id;
    for (const duration of ['99999999999999999999h', '2562048h']) {
      const { error } = await admin.updateUserById(id, { ban_duration: duration });
      expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: `invalid format for ban duration: time: invalid duration "${duration}"` });
    }
    const { data, error } = await admin.updateUserById(id, { ban_duration: '2562047h' });
    expect(error).toBeNull();
    expect(new Date(data.user!.banned_until!).getUTCFullYear()).toBeGreaterThan(new Date().getUTCFullYear() + 290);
  });
});

describe('rest: absurd nesting is 400 PGRST100, reasonable nesting still works', () => {
  beforeAll(async () => {
    await applySql(target, 'drop table if exists badin_items cascade; create table badin_items (id int primary key); insert into badin_items values (1), (2);');
    await waitForRestTables(target, ['badin_items']);
  });

  // One child per level keeps 2000 levels near 8 KB, under Node's 16 KB request-header limit.
  const nestedOr = (depth: number) => `${'or('.repeat(depth - 1)}id.eq.1${')'.repeat(depth - 1)}`;

  it('or= nested 2000 levels', async () => {
    const { status, body } = await restFetch(target, `/badin_items?select=id&or=(${nestedOr(2000)})`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'PGRST100', details: 'logic trees cannot be nested more than 64 levels deep' });
  });

  it('or= nested 60 levels answers the rows', async () => {
    const { status, body } = await restFetch(target, `/badin_items?select=id&or=(${nestedOr(60)})`);
    expect(status).toBe(200);
    expect(body).toEqual([{ id: 1 }]);
  });

  it('select= with embeds nested 3000 levels', async () => {
    const select = `${'b('.repeat(3000)}id${')'.repeat(3000)}`;
    const { status, body } = await restFetch(target, `/badin_items?select=${select}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'PGRST100', details: 'embedded resources cannot be nested more than 64 levels deep' });
  });
});

describe('realtime and gateway', () => {
  it('POST /realtime/v1/api/broadcast/%E0/events/x is 400 JSON', async () => {
    const res = await fetch(`${target.url}/realtime/v1/api/broadcast/%E0/events/x`, {
      method: 'POST',
      headers: { apikey: target.anonKey, authorization: `Bearer ${target.anonKey}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: expect.stringContaining('percent-encoding') });
  });

  /** fetch normalises URLs, so the request line goes over a raw socket; Node's parser accepts `//[/x`. */
  function rawRequest(lines: string[]): Promise<string> {
    const { hostname, port } = new URL(target.url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.write(`${lines.join('\r\n')}\r\n\r\n`));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString('utf8')));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
  }

  it.skipIf(!target.isLocalbase)('a request target that is not a URL is 400 JSON, on plain requests and WebSocket upgrades alike', async () => {
    const plain = await rawRequest(['GET //[/rest/v1/x HTTP/1.1', 'Host: localhost', 'Connection: close']);
    expect(plain).toMatch(/^HTTP\/1\.1 400 /);
    expect(plain).toContain('"message":"Bad Request: the request target is not a valid URL"');
    const upgrade = await rawRequest(['GET //[/realtime/v1/websocket HTTP/1.1', 'Host: localhost', 'Connection: Upgrade', 'Upgrade: websocket', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==']);
    expect(upgrade).toMatch(/^HTTP\/1\.1 400 /);
    // Still serving: the upgrade path did not throw out of its event handler.
    expect((await fetch(`${target.url}/auth/v1/health`)).status).toBe(200);
  });
});
