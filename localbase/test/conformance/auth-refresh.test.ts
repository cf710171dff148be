import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { client, publicKeys, TEST_PASSWORD, uniqueEmail } from './target.ts';

const target = inject('target');
const PASSWORD = TEST_PASSWORD;
const KEYS = publicKeys(target);

// Reuse outside the 10 s window is reached without sleeping: the rotated token's updated_at (when the interval
// starts counting) is moved back through the superuser connection. This works against any Supabase target.
let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: target.dbUrl });
  await db.connect();
});
afterAll(async () => db?.end());

function sessionId(accessToken: string): string {
  return (JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString('utf8')) as { session_id: string }).session_id;
}

async function signedIn(key: string) {
  const sb = client(target, key);
  const email = uniqueEmail('refresh');
  await sb.auth.signUp({ email, password: PASSWORD });
  const { data, error } = await sb.auth.signInWithPassword({ email, password: PASSWORD });
  if (error || !data.session) throw error ?? new Error('no session');
  return { sb, session: data.session };
}

describe.each(KEYS)('auth refresh tokens with the %s', (_name, key) => {
  it('refreshSession: rotates the refresh token and keeps the session', async () => {
    const { sb, session } = await signedIn(key);
    const { data, error } = await sb.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(error).toBeNull();
    expect(data.session?.refresh_token).toBeTruthy();
    expect(data.session?.refresh_token).not.toBe(session.refresh_token);
    expect(sessionId(data.session!.access_token)).toBe(sessionId(session.access_token));
    const { rows } = await db.query('select revoked, parent from auth.refresh_tokens where token = $1', [data.session!.refresh_token]);
    expect(rows).toEqual([{ revoked: false, parent: session.refresh_token }]);
  });

  it('refreshSession: the parent of the active token, presented again, returns the active token', async () => {
    const { sb, session } = await signedIn(key);
    const first = await sb.auth.refreshSession({ refresh_token: session.refresh_token });
    const again = await sb.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(again.error).toBeNull();
    expect(again.data.session?.refresh_token).toBe(first.data.session?.refresh_token);
  });

  it('refreshSession: an older rotated token inside the reuse interval is still honoured', async () => {
    const { sb, session } = await signedIn(key);
    const r1 = await sb.auth.refreshSession({ refresh_token: session.refresh_token });
    await sb.auth.refreshSession({ refresh_token: r1.data.session!.refresh_token });
    const reused = await sb.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(reused.error).toBeNull();
    expect(reused.data.session?.access_token).toBeTruthy();
  });

  it('refreshSession: reuse outside the interval is 400 refresh_token_already_used and revokes the family', async () => {
    const { sb, session } = await signedIn(key);
    const r1 = await sb.auth.refreshSession({ refresh_token: session.refresh_token });
    await sb.auth.refreshSession({ refresh_token: r1.data.session!.refresh_token });
    await db.query("update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = $1", [session.refresh_token]);

    const reused = await sb.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(reused.data.session).toBeNull();
    expect(reused.error).toMatchObject({ status: 400, code: 'refresh_token_already_used', message: 'Invalid Refresh Token: Already Used' });

    const live = await db.query('select token from auth.refresh_tokens where session_id = $1 and revoked = false', [sessionId(session.access_token)]);
    expect(live.rows).toEqual([]);
    // Once its own reuse interval has passed too, the newest token of the revoked family is refused as well.
    await db.query("update auth.refresh_tokens set updated_at = now() - interval '1 minute' where session_id = $1", [sessionId(session.access_token)]);
    const newest = await client(target, key).auth.refreshSession({ refresh_token: r1.data.session!.refresh_token });
    expect(newest.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
  });

  // GoTrue's v1 tokens stamp updated_at when the family is revoked, so its newest tokens look freshly rotated for
  // one reuse interval and could be rotated again; localbase closes that window (docs/limits.md, "Refresh-token reuse").
  it.skipIf(!target.isLocalbase)('refreshSession: after reuse revoked the family, no token of it refreshes, even inside the interval', async () => {
    const { sb, session } = await signedIn(key);
    const r1 = await sb.auth.refreshSession({ refresh_token: session.refresh_token });
    const r2 = await sb.auth.refreshSession({ refresh_token: r1.data.session!.refresh_token });
    await db.query("update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = $1", [session.refresh_token]);
    expect((await sb.auth.refreshSession({ refresh_token: session.refresh_token })).error).toMatchObject({ code: 'refresh_token_already_used' });

    for (const token of [r2.data.session!.refresh_token, r1.data.session!.refresh_token]) {
      const { data, error } = await client(target, key).auth.refreshSession({ refresh_token: token });
      expect(data.session).toBeNull();
      expect(error).toMatchObject({ status: 400, code: 'refresh_token_already_used', message: 'Invalid Refresh Token: Already Used' });
    }
    const live = await db.query('select token from auth.refresh_tokens where session_id = $1 and revoked = false', [sessionId(session.access_token)]);
    expect(live.rows).toEqual([]);
  });

  it('refreshSession: an unknown token is 400 refresh_token_not_found', async () => {
    const { error } = await client(target, key).auth.refreshSession({ refresh_token: 'nosuchtoken1' });
    expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found', message: 'Invalid Refresh Token: Refresh Token Not Found' });
  });
});
