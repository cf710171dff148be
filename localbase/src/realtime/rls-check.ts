import pg from 'pg';
import type { Claims } from './auth.ts';
import type { Column, TextRow } from './payload.ts';

/** What the dispatcher needs to know about a published table, read from the catalogs. */
export interface RelationMeta {
  oid: number;
  schema: string;
  table: string;
  /** Every live column, by attnum, with its `typname` (`_int4` for arrays), as `columns` in payloads. */
  columns: Column[];
  primaryKey: string[];
  rlsEnabled: boolean;
}

/** One batch member: a role plus exact claims; every subscriber sharing both shares one visibility query. */
export interface ClaimsGroup {
  key: string;
  claims: Claims;
}

const PRIVILEGE_TTL_MS = 2000;
/** 1 + 2 + ... + 64 ms: enough for a commit to reach the proc array, short enough not to stall the stream. */
const COMMIT_VISIBILITY_RETRIES = 7;

/**
 * Catalog lookups and the per-subscriber RLS check of RT `realtime.apply_rls` (spec section 7): impersonate the
 * role and JWT claims, then `select exists(select 1 from <table> where <pk> = <value>)`. All claims groups of one
 * change share a single round trip: one transaction of `set_config(...)` + `select exists(...)` pairs.
 */
export class RlsChecker {
  private readonly relations = new Map<number, Promise<RelationMeta>>();
  private readonly privileges = new Map<string, { at: number; columns: Promise<Set<string> | undefined> }>();

  constructor(private readonly pool: pg.Pool) {}

  forget(oid: number): void {
    this.relations.delete(oid);
    for (const key of this.privileges.keys()) if (key.startsWith(`${oid}:`)) this.privileges.delete(key);
  }

  relation(oid: number): Promise<RelationMeta> {
    let meta = this.relations.get(oid);
    if (!meta) {
      meta = this.loadRelation(oid);
      meta.catch(() => this.relations.delete(oid));
      this.relations.set(oid, meta);
    }
    return meta;
  }

  private async loadRelation(oid: number): Promise<RelationMeta> {
    const { rows } = await this.pool.query<{ schema: string; table: string; rls: boolean; columns: Column[]; pk: string[] | null }>(
      `select n.nspname as schema, c.relname as table, c.relrowsecurity as rls,
              (select coalesce(json_agg(json_build_object('name', a.attname, 'type', t.typname) order by a.attnum), '[]')
                 from pg_attribute a join pg_type t on t.oid = a.atttypid
                where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
              (select array_agg(a.attname::text order by array_position(i.indkey::int2[], a.attnum))
                 from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                where i.indrelid = c.oid and i.indisprimary) as pk
         from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = $1`,
      [oid],
    );
    const row = rows[0];
    if (!row) throw new Error(`relation ${oid} not found`);
    return { oid, schema: row.schema, table: row.table, columns: row.columns, primaryKey: row.pk ?? [], rlsEnabled: row.rls };
  }

  /** Columns the role may SELECT (`has_column_privilege`), cached briefly; undefined when the role does not exist. */
  selectableColumns(oid: number, role: string): Promise<Set<string> | undefined> {
    const key = `${oid}:${role}`;
    const cached = this.privileges.get(key);
    if (cached && Date.now() - cached.at < PRIVILEGE_TTL_MS) return cached.columns;
    const columns = this.pool
      .query<{ attname: string }>(
        `select a.attname from pg_attribute a
          where a.attrelid = $1 and a.attnum > 0 and not a.attisdropped and has_column_privilege($2, a.attrelid, a.attnum, 'SELECT')`,
        [oid, role],
      )
      .then((result) => new Set(result.rows.map((row) => row.attname)))
      .catch(() => undefined);
    this.privileges.set(key, { at: Date.now(), columns });
    return columns;
  }

  /**
   * Which claims groups can see the row with this primary key now (upstream checks the live table, not the WAL
   * image). One round trip for all groups; if any statement fails, each group is retried alone so one bad policy
   * or role denies only its own subscribers.
   */
  async visibleGroups(meta: RelationMeta, record: TextRow, groups: ClaimsGroup[]): Promise<Set<string>> {
    const where = meta.primaryKey
      .map((column) => {
        const type = meta.columns.find((c) => c.name === column)?.type ?? 'text';
        const value = record[column];
        return value === null || value === undefined ? 'false' : `${pg.escapeIdentifier(column)} = ${pg.escapeLiteral(value)}::${pg.escapeIdentifier(type)}`;
      })
      .join(' and ');
    const select = `select exists(select 1 from ${pg.escapeIdentifier(meta.schema)}.${pg.escapeIdentifier(meta.table)} where ${where}) as visible`;
    const statements = (group: ClaimsGroup) => [impersonation(group.claims), select];
    try {
      for (let attempt = 0; ; attempt++) {
        // The first `select` runs as the superuser: a walsender can decode a commit a moment before the transaction
        // is visible to new snapshots, so an invisible row means "not yet" (retry briefly) or "already deleted".
        const results = await this.run([select, ...groups.flatMap(statements)]);
        if (results[0]?.rows[0]?.visible !== true) {
          if (attempt >= COMMIT_VISIBILITY_RETRIES) return new Set();
          await new Promise((resolve) => setTimeout(resolve, 2 ** attempt));
          continue;
        }
        const visible = new Set<string>();
        groups.forEach((group, index) => {
          if (results[index * 2 + 2]?.rows[0]?.visible === true) visible.add(group.key);
        });
        return visible;
      }
    } catch {
      const visible = new Set<string>();
      for (const group of groups) {
        const results = await this.run(statements(group)).catch(() => undefined);
        if (results?.[1]?.rows[0]?.visible === true) visible.add(group.key);
      }
      return visible;
    }
  }

  /** Runs the statements in one read-only transaction with the simple protocol (one round trip). */
  private async run(statements: string[]): Promise<pg.QueryResult[]> {
    const client = await this.pool.connect();
    try {
      const output = (await client.query(`begin read only; ${statements.join('; ')}; rollback`)) as unknown as pg.QueryResult[];
      return output.slice(1, -1);
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/** The same settings PostgREST and upstream's walrus set: role, full claims, and the legacy per-claim keys. */
function impersonation(claims: Claims): string {
  const role = pg.escapeLiteral(claims.role);
  const sub = pg.escapeLiteral(typeof claims.sub === 'string' ? claims.sub : '');
  return `select set_config('role', ${role}, true), set_config('request.jwt.claims', ${pg.escapeLiteral(JSON.stringify(claims))}, true),
    set_config('request.jwt.claim.sub', ${sub}, true), set_config('request.jwt.claim.role', ${role}, true)`;
}
