import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applySql, client, restFetch, TEST_PASSWORD, uniqueEmail, waitForRestTables } from './target.ts';

const target = inject('target');

/**
 * Bodies and queries that once answered 500 (a JS stack overflow, PostgreSQL's 54011) or broke every later request
 * (a 5 MB user_metadata inside every token). Each limit and its upstream source is in docs/limits.md.
 */

const adminHeaders = { apikey: target.secretKey, authorization: `Bearer ${target.secretKey}`, 'x-supabase-api-version': '2024-01-01' };
const publicHeaders = { apikey: target.publishableKey, 'x-supabase-api-version': '2024-01-01' };
const GOTRUE_MAX_BODY = 1 << 20;
const TOO_DEEP = { code: 'bad_json', message: "Could not parse request body as JSON: invalid character '{' exceeded max depth" };
const TOO_LARGE = { code: 'request_entity_too_large', message: `Request body too large (max ${GOTRUE_MAX_BODY} bytes)` };

/** `levels` objects, one inside the other, as JSON text (supabase-js could not even serialise 5,000 of them). */
const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** A JSON object of exactly `bytes` bytes once `before` and `after` wrap it, padded with one long string. */
function padded(bytes: number, before: string, after: string): string {
  const shell = `${before}{"pad":""}${after}`;
  return `${before}{"pad":"${'x'.repeat(bytes - shell.length)}"}${after}`;
}

async function authFetch(path: string, method: string, body: string, headers: Record<string, string> = adminHeaders) {
  const res = await fetch(`${target.url}/auth/v1${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: target.dbUrl });
  await db.connect();
});
afterAll(async () => db?.end());

const storedUsers = async (email: string) => (await db.query('select id from auth.users where email = $1', [email])).rowCount;

async function signedInUser() {
  const sb = client(target, target.publishableKey);
  const email = uniqueEmail('hostile-user');
  const { data, error } = await sb.auth.signUp({ email, password: TEST_PASSWORD, options: { data: { keep: 'me' } } });
  if (error || !data.session) throw error ?? new Error('signUp returned no session');
  const userHeaders = { apikey: target.publishableKey, authorization: `Bearer ${data.session.access_token}`, 'x-supabase-api-version': '2024-01-01' };
  return { sb, id: data.user!.id, userHeaders };
}

// The depth and select limits are localbase's own (upstream accepts deeper JSON, and answers 500 for a select
// PostgreSQL cannot run), so those two blocks pin localbase only; the 1 MiB body limit is GoTrue's and runs anywhere.
describe.skipIf(!target.isLocalbase)('auth: JSON nested past the depth limit is 400 bad_json, worded as Go\'s encoding/json words its own', () => {
  it('signUp with options.data nested 2,000 levels (supabase-js): 400, no user stored', async () => {
    const email = uniqueEmail('deep-signup');
    const data = JSON.parse(nested(2000)) as Record<string, unknown>;
    const { error } = await client(target, target.publishableKey).auth.signUp({ email, password: TEST_PASSWORD, options: { data } });
    expect(error).toMatchObject({ status: 400, ...TOO_DEEP });
    expect(await storedUsers(email)).toBe(0);
  });

  it('signup at the limit (the body nests 1,000 levels) signs up and signs tokens', async () => {
    const email = uniqueEmail('deep-ok');
    const { status, body } = await authFetch('/signup', 'POST', `{"email":"${email}","password":"${TEST_PASSWORD}","data":${nested(999)}}`, publicHeaders);
    expect(status).toBe(200);
    expect(body.access_token).toEqual(expect.any(String));
    expect(await storedUsers(email)).toBe(1);
  });

  it('PUT /user data nested 5,000 levels: 400, metadata unchanged', async () => {
    const { id, userHeaders } = await signedInUser();
    expect(await authFetch('/user', 'PUT', `{"data":${nested(5000)}}`, userHeaders)).toEqual({ status: 400, body: TOO_DEEP });
    const { rows } = await db.query('select raw_user_meta_data->>$2 as keep from auth.users where id = $1', [id, 'keep']);
    expect(rows).toEqual([{ keep: 'me' }]);
  });

  it('POST and PUT /admin/users with user_metadata or app_metadata nested 5,000 levels: 400', async () => {
    for (const field of ['user_metadata', 'app_metadata']) {
      const email = uniqueEmail('deep-admin');
      expect(await authFetch('/admin/users', 'POST', `{"email":"${email}","${field}":${nested(5000)}}`)).toEqual({ status: 400, body: TOO_DEEP });
      expect(await storedUsers(email)).toBe(0);
    }
    const { id } = await signedInUser();
    for (const field of ['user_metadata', 'app_metadata']) {
      expect(await authFetch(`/admin/users/${id}`, 'PUT', `{"${field}":${nested(5000)}}`)).toEqual({ status: 400, body: TOO_DEEP });
    }
  });
});

describe('auth: a body over GoTrue\'s 1 MiB is 413 request_entity_too_large and stores nothing', () => {
  it('signUp with a 5 MB options.data (supabase-js): 413, no user', async () => {
    const email = uniqueEmail('huge-signup');
    const { error } = await client(target, target.publishableKey).auth.signUp({ email, password: TEST_PASSWORD, options: { data: { blob: 'x'.repeat(5_000_000) } } });
    expect(error).toMatchObject({ status: 413, ...TOO_LARGE });
    expect(await storedUsers(email)).toBe(0);
  });

  it('signup: one byte over 1 MiB is 413; exactly 1 MiB signs up', async () => {
    const over = uniqueEmail('limit-over');
    const overBody = padded(GOTRUE_MAX_BODY + 1, `{"email":"${over}","password":"${TEST_PASSWORD}","data":`, '}');
    expect(await authFetch('/signup', 'POST', overBody, publicHeaders)).toEqual({ status: 413, body: TOO_LARGE });
    expect(await storedUsers(over)).toBe(0);

    const at = uniqueEmail('limit-at');
    const atBody = padded(GOTRUE_MAX_BODY, `{"email":"${at}","password":"${TEST_PASSWORD}","data":`, '}');
    expect(Buffer.byteLength(atBody)).toBe(GOTRUE_MAX_BODY);
    const { status } = await authFetch('/signup', 'POST', atBody, publicHeaders);
    expect(status).toBe(200);
    const { rows } = await db.query('select length(raw_user_meta_data->>$2) as pad from auth.users where email = $1', [at, 'pad']);
    expect(rows[0]?.pad).toBeGreaterThan(GOTRUE_MAX_BODY - 200);
  });

  it('PUT /user and the admin create/update with over 1 MiB of metadata: 413, nothing changed', async () => {
    const { id, userHeaders } = await signedInUser();
    expect(await authFetch('/user', 'PUT', padded(GOTRUE_MAX_BODY + 1, '{"data":', '}'), userHeaders)).toEqual({ status: 413, body: TOO_LARGE });
    for (const field of ['user_metadata', 'app_metadata']) {
      expect(await authFetch(`/admin/users/${id}`, 'PUT', padded(GOTRUE_MAX_BODY + 1, `{"${field}":`, '}'))).toEqual({ status: 413, body: TOO_LARGE });
    }
    const { rows } = await db.query('select raw_user_meta_data->>$2 as keep, raw_app_meta_data ? $3 as padded from auth.users where id = $1', [id, 'keep', 'pad']);
    expect(rows).toEqual([{ keep: 'me', padded: false }]);

    const email = uniqueEmail('huge-admin');
    expect(await authFetch('/admin/users', 'POST', padded(GOTRUE_MAX_BODY + 1, `{"email":"${email}","user_metadata":`, '}'))).toEqual({ status: 413, body: TOO_LARGE });
    expect(await storedUsers(email)).toBe(0);
  });
});

describe.skipIf(!target.isLocalbase)('rest: bodies nested past the depth limit are 400 PGRST102, selects past PostgreSQL\'s 1,664 entries 400 PGRST100', () => {
  beforeAll(async () => {
    const wide = Array.from({ length: 900 }, (_, i) => `, c${i} int`).join('');
    await applySql(
      target,
      `drop table if exists hostile_docs, hostile_wide cascade;
       create table hostile_docs (id int primary key, doc jsonb);
       insert into hostile_docs values (1, '{"keep": true}');
       create table hostile_wide (id int primary key${wide});
       create or replace function hostile_echo(doc jsonb) returns jsonb language sql as 'select doc';`,
    );
    await waitForRestTables(target, ['hostile_docs', 'hostile_wide']);
  });

  const write = (path: string, method: string, body: string, prefer?: string) =>
    restFetch(target, path, { method, key: target.secretKey, headers: { authorization: `Bearer ${target.serviceRoleKey}`, 'content-type': 'application/json', ...(prefer ? { prefer } : {}) }, body });
  const TOO_DEEP_BODY = { code: 'PGRST102', message: 'Empty or invalid json', details: 'the JSON body nests more than 1000 levels deep' };

  it('insert, upsert, update and RPC with a value nested 5,000 levels: 400, nothing written', async () => {
    const deep = nested(5000);
    for (const [path, method, body, prefer] of [
      ['/hostile_docs', 'POST', `{"id":2,"doc":${deep}}`],
      ['/hostile_docs', 'POST', `[{"id":1,"doc":${deep}}]`, 'resolution=merge-duplicates'],
      ['/hostile_docs?id=eq.1', 'PATCH', `{"doc":${deep}}`],
      ['/rpc/hostile_echo', 'POST', `{"doc":${deep}}`],
    ] as const) {
      const { status, body: answer } = await write(path, method, body, prefer);
      expect({ path, method, status, answer }).toMatchObject({ status: 400, answer: TOO_DEEP_BODY });
    }
    expect((await db.query('select id, doc from hostile_docs order by id')).rows).toEqual([{ id: 1, doc: { keep: true } }]);
  });

  it('a body at the limit (1,000 levels with the array around it) is written', async () => {
    const { status } = await write('/hostile_docs', 'POST', `[{"id":3,"doc":${nested(998)}}]`);
    expect(status).toBe(201);
    const { rows } = await db.query('select length(doc::text) as size from hostile_docs where id = 3');
    expect(rows[0]?.size).toBeGreaterThan(998 * 6);
  });

  it('select= with 3,000 columns: 400 PGRST100; 1,664 (PostgreSQL\'s most) answers', async () => {
    const { status, body } = await restFetch(target, `/hostile_docs?select=${Array(3000).fill('id').join(',')}`, { key: target.secretKey });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'PGRST100', details: 'a select list cannot have more than 1664 entries' });
    const most = await restFetch(target, `/hostile_docs?select=${Array(1664).fill('id').join(',')}&id=eq.1`, { key: target.secretKey });
    expect(most.status).toBe(200);
  });

  it('select=*,* on a 901-column table (1,802 entries): 400 PGRST100', async () => {
    const { status, body } = await restFetch(target, '/hostile_wide?select=*,*', { key: target.secretKey });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'PGRST100', details: 'a select list cannot have more than 1664 entries' });
  });

  it('select= with embeds nested 5,000 levels: 400 PGRST100, not a stack overflow', async () => {
    const { status, body } = await restFetch(target, `/hostile_docs?select=id,${'b('.repeat(5000)}id${')'.repeat(5000)}`, { key: target.secretKey });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'PGRST100', details: 'embedded resources cannot be nested more than 64 levels deep' });
  });
});
