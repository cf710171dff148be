import type pg from 'pg';
import type { Claims } from './auth.ts';
import type { Column, TextRow } from './replication.ts';

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

/** A row to check and the transaction that wrote it. */
export interface CheckedRow {
  row: TextRow;
  xid: number;
}

const PRIVILEGE_TTL_MS = 2000;
/** Connections one check may use at once (the realtime pool has 4, service.ts) and the groups worth one each. */
const PROBE_CONNECTIONS = 3;
const MIN_GROUPS_PER_CONNECTION = 32;
/**
 * Waits for a decoded commit to become visible: 1, 2, 4 ... 64 ms, then every 64 ms. Only rows whose transaction
 * is provably not yet visible wait, so this bound is a safety net against a stuck backend, not a guess at timing.
 */
const COMMIT_VISIBILITY_WAIT_MS = 10_000;

/**
 * Catalog lookups and the per-subscriber RLS check of RT `realtime.apply_rls`: impersonate the
 * role and JWT claims, then look the row up by primary key. Subscribers sharing role and claims share one probe.
 */
export class RlsChecker {
  private readonly relations = new Map<number, Promise<RelationMeta>>();
  private readonly privileges = new Map<string, { at: number; columns: Promise<Set<string> | undefined> }>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

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
   * For each claims group, the indexes of `records` whose row it can see now: like upstream, the live table decides,
   * not the WAL image. One round trip checks a whole batch for every group (`realtime.localbase_visible_keys` in
   * realtime-visibility.sql), which is what lets the check keep up with a busy table.
   */
  async visibleRows(meta: RelationMeta, records: CheckedRow[], groups: ClaimsGroup[]): Promise<Map<string, Set<number>>> {
    // Many groups (one per user, as with per-user policies) are split across pooled connections and probed at once;
    // each share runs the whole check on its own, so the answer is exactly what one call would give.
    const shares = Math.min(PROBE_CONNECTIONS, Math.ceil(groups.length / MIN_GROUPS_PER_CONNECTION));
    if (shares <= 1) return this.visibleRowsOnOneConnection(meta, records, groups);
    const size = Math.ceil(groups.length / shares);
    const parts = await Promise.all(
      Array.from({ length: shares }, (_, share) => this.visibleRowsOnOneConnection(meta, records, groups.slice(share * size, (share + 1) * size))),
    );
    return new Map(parts.flatMap((part) => [...part]));
  }

  private async visibleRowsOnOneConnection(meta: RelationMeta, records: CheckedRow[], groups: ClaimsGroup[]): Promise<Map<string, Set<number>>> {
    const visible = new Map(groups.map((group) => [group.key, new Set<number>()]));
    const claims = JSON.stringify(groups.map((group) => group.claims));
    const deadline = Date.now() + COMMIT_VISIBILITY_WAIT_MS;
    let pending = records.map((_, index) => index);
    for (let attempt = 0; pending.length > 0 && groups.length > 0; attempt++) {
      const keys = pending.map((index) => Object.fromEntries(meta.primaryKey.map((column) => [column, records[index]!.row[column] ?? null])));
      const xids = pending.map((index) => records[index]!.xid);
      const { rows } = await this.pool.query<{ grp: number; ord: number }>('select grp, ord from realtime.localbase_visible_keys($1, $2, $3, $4)', [
        meta.oid,
        JSON.stringify(keys),
        claims,
        xids,
      ]);
      // Group 0 is the superuser; group -1 lists rows whose transaction was not yet visible when the call began. A
      // walsender can decode a commit a moment before it reaches the proc array, so a row the superuser cannot see is
      // "not yet" (wait for it) only when its transaction is still invisible, and "already gone" otherwise.
      const committed = new Set(rows.filter((row) => row.grp === 0).map((row) => row.ord - 1));
      const notYetVisible = new Set(rows.filter((row) => row.grp === -1).map((row) => row.ord - 1));
      for (const { grp, ord } of rows) {
        if (grp > 0 && committed.has(ord - 1)) visible.get(groups[grp - 1]!.key)!.add(pending[ord - 1]!);
      }
      pending = pending.filter((_, position) => !committed.has(position) && notYetVisible.has(position));
      if (pending.length === 0) break;
      if (Date.now() > deadline) {
        this.log(`realtime: ${pending.length} change(s) on ${meta.schema}.${meta.table} never became visible; not delivered`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 2 ** Math.min(attempt, 6)));
    }
    return visible;
  }
}
