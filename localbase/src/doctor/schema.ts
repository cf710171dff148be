import type pg from 'pg';
import { fail, loadQuotedKeywords, ok, plural, qualified, quoteIdent, warn, type Check, type Outcome } from './check.ts';
import { need, type DoctorContext } from './context.ts';

const PUBLICATION = 'supabase_realtime';

/** One table of an exposed schema, as the catalog describes it. */
interface TableInfo {
  schema: string;
  table: string;
  /** `schema.table`, quoted where PostgreSQL needs it, for the SQL the fixes print. */
  name: string;
  rls: boolean;
  /** pg_class.relreplident: d(efault), f(ull), i(ndex), n(othing). */
  identity: 'd' | 'f' | 'i' | 'n';
  primaryKey: string[];
  columns: string[];
  policies: number;
  /** Columns the table's policies read (pg_depend records one row per column an expression uses). */
  policyColumns: string[];
  published: boolean;
}

export function schemaChecks(ctx: DoctorContext): Check[] {
  const layer = 'code' as const;
  let tables: Promise<TableInfo[]> | undefined;
  const load = () => (tables ??= loadTables(need(ctx.db, 'database'), exposedSchemas(ctx)));
  return [
    { layer, name: 'publication supabase_realtime', run: () => checkPublication(ctx) },
    { layer, name: 'row level security', run: async () => checkRls(await load()) },
    { layer, name: 'RLS policies', run: async () => checkPolicies(await load()) },
    { layer, name: 'primary keys (published tables)', run: async () => checkPrimaryKeys(await load()) },
    { layer, name: 'replica identity (published tables)', run: async () => checkReplicaIdentity(await load()) },
    { layer, name: 'realtime tables', run: async () => listPublished(await load()) },
  ];
}

/** `public` and the [api] schemas: what /rest/v1 serves and what an app subscribes to. */
function exposedSchemas(ctx: DoctorContext): string[] {
  return [...new Set(['public', ...need(ctx.config, 'config').api.schemas])];
}

async function loadTables(db: pg.Client, schemas: string[]): Promise<TableInfo[]> {
  const keywords = await loadQuotedKeywords(db);
  const { rows } = await db.query<Omit<TableInfo, 'name'>>(
    `select n.nspname as schema, c.relname as table, c.relrowsecurity as rls, c.relreplident as identity,
            coalesce((select array_agg(a.attname::text order by a.attnum)
                        from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                       where i.indrelid = c.oid and i.indisprimary), '{}') as "primaryKey",
            coalesce((select array_agg(a.attname::text order by a.attnum) from pg_attribute a
                       where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '{}') as columns,
            (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
            coalesce((select array_agg(distinct a.attname::text)
                        from pg_policy p
                        join pg_depend d on d.classid = 'pg_policy'::regclass and d.objid = p.oid
                                        and d.refclassid = 'pg_class'::regclass and d.refobjid = c.oid and d.refobjsubid > 0
                        join pg_attribute a on a.attrelid = c.oid and a.attnum = d.refobjsubid
                       where p.polrelid = c.oid), '{}') as "policyColumns",
            exists (select from pg_publication_tables t
                     where t.pubname = $2 and t.schemaname = n.nspname and t.tablename = c.relname) as published
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = any($1)
      order by n.nspname, c.relname`,
    [schemas, PUBLICATION],
  );
  return rows.map((row) => ({ ...row, name: qualified(row.schema, row.table, keywords) }));
}

const name = (t: TableInfo) => t.name;

async function checkPublication(ctx: DoctorContext): Promise<Outcome> {
  const db = need(ctx.db, 'database');
  const [pub] = (
    await db.query<{ alltables: boolean; insert: boolean; update: boolean; delete: boolean }>(
      'select puballtables as alltables, pubinsert as insert, pubupdate as update, pubdelete as delete from pg_publication where pubname = $1',
      [PUBLICATION],
    )
  ).rows;
  if (!pub) {
    return fail(`publication ${PUBLICATION} does not exist: Realtime streams nothing, and every postgres_changes subscription stays silent.`, `create publication ${PUBLICATION};\nalter publication ${PUBLICATION} add table public.<table>;   -- each table the app subscribes to`);
  }
  const missing = (['insert', 'update', 'delete'] as const).filter((action) => !pub[action]);
  if (missing.length > 0) {
    return fail(`publication ${PUBLICATION} does not publish ${missing.join(', ')}: those events never reach Realtime.`, `alter publication ${PUBLICATION} set (publish = 'insert, update, delete');`);
  }
  return ok(pub.alltables ? `exists and publishes every table (FOR ALL TABLES)` : 'exists and publishes insert, update, delete');
}

/** Without RLS, anon and authenticated read and write every row through /rest/v1 with the public key. */
function checkRls(tables: TableInfo[]): Outcome {
  const open = tables.filter((t) => !t.rls);
  if (open.length === 0) return ok(`enabled on every table in the exposed schemas (${tables.length})`);
  return fail(
    `${plural(open.length, 'table')} in an exposed schema ${open.length === 1 ? 'has' : 'have'} RLS disabled, so anyone holding the publishable key reads and writes every row: ${open.map(name).join(', ')}`,
    open.map((t) => `alter table ${name(t)} enable row level security;`).join('\n'),
  );
}

function checkPolicies(tables: TableInfo[]): Outcome {
  const none = tables.filter((t) => t.rls && t.policies === 0);
  if (none.length === 0) return ok(`every table with RLS has at least one policy`);
  return warn(
    `RLS is enabled without any policy on ${none.map(name).join(', ')}: every row is hidden from anon and authenticated (REST returns [], Realtime sends no events). Fine only for tables the service role alone uses.`,
    none.map((t) => `create policy ${quoteIdent(`${t.table} select`, new Set())} on ${name(t)} for select to authenticated using (/* who may read */);`).join('\n'),
  );
}

/** Realtime needs the key to name a row; PostgreSQL refuses UPDATE/DELETE on a published table without identity. */
function checkPrimaryKeys(tables: TableInfo[]): Outcome {
  const published = tables.filter((t) => t.published);
  const keyless = published.filter((t) => t.primaryKey.length === 0);
  if (keyless.length === 0) return ok(published.length === 0 ? 'no published tables' : `every published table has one (${published.length})`);
  return fail(
    `${plural(keyless.length, 'published table')} without a primary key: ${keyless.map(name).join(', ')}. postgres_changes delivers "Error 400: Bad Request, no primary key" instead of their rows, and with default replica identity PostgreSQL refuses UPDATE and DELETE on them.`,
    keyless
      .map((t) => (t.columns.includes('id') ? `alter table ${name(t)} add primary key (id);` : `alter table ${name(t)} add column id bigint generated always as identity primary key;`))
      .join('\n'),
  );
}

/**
 * With REPLICA IDENTITY DEFAULT the WAL keeps only the key of an UPDATE's or DELETE's old row, so `old` holds only
 * the key, a filter such as band_id=eq.… never matches a DELETE, and RLS cannot judge the deleted row.
 */
function checkReplicaIdentity(tables: TableInfo[]): Outcome {
  const published = tables.filter((t) => t.published && t.primaryKey.length > 0);
  const nothing = published.filter((t) => t.identity === 'n');
  if (nothing.length > 0) {
    return fail(
      `REPLICA IDENTITY NOTHING on published ${nothing.map(name).join(', ')}: PostgreSQL refuses every UPDATE and DELETE on them ("cannot update table … because it does not have a replica identity and publishes updates").`,
      nothing.map((t) => `alter table ${name(t)} replica identity full;`).join('\n'),
    );
  }
  const partial = published.filter((t) => t.identity === 'd' || t.identity === 'i');
  if (partial.length === 0) return ok(published.length === 0 ? 'no published tables' : `FULL on every published table (${published.length})`);
  const described = partial.map((t) => {
    const beyondKey = t.policyColumns.filter((column) => !t.primaryKey.includes(column)).sort();
    return beyondKey.length > 0 ? `${name(t)} (its policies read ${beyondKey.join(', ')})` : name(t);
  });
  return warn(
    `${plural(partial.length, 'published table')} with REPLICA IDENTITY ${partial.every((t) => t.identity === 'd') ? 'DEFAULT' : 'DEFAULT or INDEX'}: ${described.join(', ')}. \`old\` in UPDATE and DELETE events holds only the key, so filters on other columns do not match them and policies cannot see the deleted row.`,
    partial.map((t) => `alter table ${name(t)} replica identity full;`).join('\n'),
  );
}

/** Not a fault, but the first thing to see when a table's events never arrive. */
function listPublished(tables: TableInfo[]): Outcome {
  const published = tables.filter((t) => t.published).map(name);
  const unpublished = tables.filter((t) => !t.published);
  const parts = [published.length > 0 ? `published: ${published.join(', ')}` : 'no table is published'];
  if (unpublished.length > 0) parts.push(`not published (postgres_changes never fire for them): ${unpublished.map(name).join(', ')}`);
  return {
    status: 'ok',
    detail: parts.join('; '),
    fix: unpublished.length > 0 ? unpublished.map((t) => `alter publication ${PUBLICATION} add table ${name(t)};`).join('\n') : undefined,
  };
}
