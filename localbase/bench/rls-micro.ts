/**
 * Micro-benchmark of the postgres_changes RLS probe: `npx tsx bench/rls-micro.ts [variants.sql]`. Times calls of
 * realtime.localbase_visible_keys (or, with FNS=a,b, the realtime.a / realtime.b variants that variants.sql defines)
 * for NGROUPS claims groups (default 100, as in realtime-bench.ts) and batches of 1 and 5 keys.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { startBenchStack } from './bench-stack.ts';

const { project, vars } = await startBenchStack();
try {
  const db = new pg.Pool({ connectionString: vars.DB_URL, max: 2 });
  await db.query(`
    create table public.bench_group_items (id bigint primary key, grp int not null, sent_at double precision not null, body text);
    alter table public.bench_group_items enable row level security;
    create policy by_group on public.bench_group_items for select to authenticated using (grp = (auth.jwt() ->> 'grp')::int);
    insert into public.bench_group_items select i, i % 10, 0, 'g' from generate_series(0, 9999) i;`);
  const extra = process.argv[2];
  if (extra) await db.query(readFileSync(extra, 'utf8'));
  const fns = (process.env.FNS ?? 'localbase_visible_keys').split(',');
  const oid = (await db.query(`select 'public.bench_group_items'::regclass::oid as oid`)).rows[0].oid;
  const claims = JSON.stringify(Array.from({ length: Number(process.env.NGROUPS ?? 100) }, (_, s) => ({ role: 'authenticated', sub: crypto.randomUUID(), grp: s % 10 })));
  const client = await db.connect();
  client.on('error', () => undefined);
  for (const batch of [1, 5]) {
    for (const round of [1, 2]) {
      for (const fn of fns) {
        const n = 300;
        const t0 = performance.now();
        let rows = 0;
        let failed = false;
        for (let i = 0; i < n && !failed; i++) {
          const keys = Array.from({ length: batch }, (_, j) => ({ id: String((i * batch + j) % 10000) }));
          const r = await client.query(`select grp, ord from realtime.${fn}($1, $2, $3, $4)`, [oid, JSON.stringify(keys), claims, keys.map(() => 1)]).catch((e: Error) => {
            console.log(`${fn}: ${e.message}`);
            failed = true;
            return { rowCount: 0 };
          });
          rows += r.rowCount ?? 0;
        }
        console.log(`${fn} batch ${batch} round ${round}: ${((performance.now() - t0) / n).toFixed(2)} ms/call, rows ${rows}`);
      }
    }
  }
  client.release();
  await db.end();
} finally {
  await project.dispose();
}
