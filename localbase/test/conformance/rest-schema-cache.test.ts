import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { applySql, client, waitForRestTables } from './target.ts';

const target = inject('target');

async function listenerPids(): Promise<number[]> {
  const db = new pg.Client({ connectionString: target.dbUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ pid: number }>("select pid from pg_stat_activity where query = 'listen pgrst' and pid <> pg_backend_pid()");
    return rows.map((r) => r.pid);
  } finally {
    await db.end();
  }
}

describe('rest schema cache', () => {
  it('NOTIFY pgrst reloads: a new column becomes writable, a dropped table disappears (PGRST205)', async () => {
    await applySql(target, 'drop table if exists rcache_a cascade; create table rcache_a (id int primary key);');
    await waitForRestTables(target, ['rcache_a']);
    const sb = client(target, target.secretKey);
    expect((await sb.from('rcache_a').insert({ id: 1, label: 'x' })).error?.code).toBe('PGRST204');
    await applySql(target, 'alter table rcache_a add column label text;');
    for (let i = 0; ; i++) {
      const { error } = await sb.from('rcache_a').insert({ id: 2, label: 'x' });
      if (!error) break;
      expect(i).toBeLessThan(100);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await applySql(target, 'drop table rcache_a;');
    for (let i = 0; ; i++) {
      const { error } = await sb.from('rcache_a').select('*');
      if (error?.code === 'PGRST205') break;
      expect(i).toBeLessThan(100);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it.runIf(target.isLocalbase)('the LISTEN connection comes back after its backend is terminated, and reloads', async () => {
    const before = await listenerPids();
    expect(before.length).toBeGreaterThan(0);
    const admin = new pg.Client({ connectionString: target.dbUrl });
    await admin.connect();
    await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [before]);
    await admin.end();
    for (let i = 0; ; i++) {
      const now = await listenerPids();
      if (now.length && now.every((pid) => !before.includes(pid))) break;
      expect(i).toBeLessThan(100);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await applySql(target, 'drop table if exists rcache_b; create table rcache_b (id int primary key);');
    await waitForRestTables(target, ['rcache_b']);
    const after = await client(target, target.secretKey).from('rcache_b').select('*');
    expect(after.error).toBeNull();
    expect(after.data).toEqual([]);
  });
});
