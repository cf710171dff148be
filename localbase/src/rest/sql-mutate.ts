import type { Preferences } from './ast.ts';
import { columnNotFound, invalidBody, RestError } from './errors.ts';
import type { ParsedQuery } from './parse.ts';
import type { SchemaCache, Table } from './schema-load.ts';
import { ident, qualified, Statement, tableScope } from './sql-common.ts';
import { projection, resultSql, type BuiltQuery, type ResultShape } from './sql-read.ts';
import { orderSql, pageSql } from './sql-filter.ts';
import { whereSql } from './sql-select.ts';

/**
 * INSERT/UPSERT/UPDATE/DELETE as one data-modifying CTE whose RETURNING rows feed the same projection as a read
 * (`[pgrst] src/PostgREST/Query/QueryBuilder.hs mutateRequestToQuery`). Payloads go in as one json parameter through
 * json_populate_recordset, so PostgreSQL converts JSON to column types (arrays, json, numeric) itself.
 */
export interface MutationOptions {
  singular: boolean;
  /** Ask for `inserted` so an upsert that only updated can answer 200. */
  countInserted?: boolean;
}

const SOURCE = '"pgrst_source"';

function checkColumns(table: Table, columns: string[]): void {
  for (const column of columns) if (!table.columns.has(column)) throw columnNotFound(column, table.name);
}

function rowsOf(body: unknown): Record<string, unknown>[] {
  const rows = Array.isArray(body) ? body : [body];
  if (rows.some((row) => row === null || typeof row !== 'object' || Array.isArray(row))) throw invalidBody('All object keys must match');
  return rows as Record<string, unknown>[];
}

function finish(statement: Statement, table: Table, query: ParsedQuery, cte: string, options: MutationOptions): BuiltQuery {
  // The CTE's rows are not of the table's row type, so computed fields cannot be called on them.
  const scope = { ...tableScope(table), computed: new Map() };
  const { columns, conditions } = projection(statement, scope, table, query.select);
  const where = conditions.length ? ` where ${conditions.join(' and ')}` : '';
  const shape: ResultShape = { singular: options.singular };
  if (options.countInserted) shape.extra = `(select count(*) from ${SOURCE} where "pgrst_inserted") as inserted`;
  const text = `with ${cte} ${resultSql(`select ${columns} from ${SOURCE} as ${scope.alias}${where}`, shape)}`;
  return { text, values: statement.params };
}

export function insertSql(cache: SchemaCache, query: ParsedQuery, table: Table, body: unknown, prefs: Preferences, options: MutationOptions): BuiltQuery {
  const statement = new Statement(cache, query.levels);
  const rows = rowsOf(body);
  const target = qualified(table.schema, table.name);
  const returning = `returning ${ident(table.name)}.*${options.countInserted ? `, (${ident(table.name)}.xmax::text = '0') as "pgrst_inserted"` : ''}`;
  let conflict = '';
  if (prefs.resolution) {
    const keys = query.onConflict ?? table.primaryKey;
    checkColumns(table, keys);
    if (!keys.length) throw new RestError(400, 'PGRST100', 'on_conflict is required: the table has no primary key');
    conflict = ` on conflict (${keys.map(ident).join(', ')})`;
  }
  const upsert = (columns: string[]) => {
    if (!prefs.resolution) return '';
    const set = columns.map((c) => `${ident(c)} = excluded.${ident(c)}`);
    return prefs.resolution === 'ignore-duplicates' || !set.length ? `${conflict} do nothing` : `${conflict} do update set ${set.join(', ')}`;
  };
  const insertOne = (columns: string[], group: Record<string, unknown>[]) => {
    if (!columns.length) return group.map(() => `insert into ${target} default values ${returning}`);
    const list = columns.map(ident).join(', ');
    return [`insert into ${target} (${list}) select ${list} from json_populate_recordset(null::${target}, ${statement.param(JSON.stringify(group))}::json)${upsert(columns)} ${returning}`];
  };
  let inserts: string[];
  if (rows.length === 0) {
    inserts = [`select ${target}.*${options.countInserted ? ', false as "pgrst_inserted"' : ''} from ${target} where false`];
  } else if (prefs.missing === 'default') {
    // Missing keys take the column DEFAULT: rows are grouped by the keys they carry, one INSERT per group.
    const groups = new Map<string, { columns: string[]; rows: Record<string, unknown>[] }>();
    for (const row of rows) {
      const columns = Object.keys(row).filter((key) => !query.columns || query.columns.includes(key));
      checkColumns(table, columns);
      const key = JSON.stringify(columns);
      if (!groups.has(key)) groups.set(key, { columns, rows: [] });
      groups.get(key)!.rows.push(row);
    }
    inserts = [...groups.values()].flatMap((group) => insertOne(group.columns, group.rows));
  } else {
    const columns = query.columns ?? Object.keys(rows[0]!);
    checkColumns(table, columns);
    if (!query.columns && rows.some((row) => Object.keys(row).length !== columns.length || columns.some((c) => !(c in row)))) {
      throw invalidBody('All object keys must match');
    }
    inserts = insertOne(columns, rows);
  }
  const ctes = inserts.map((sql, i) => `"pgrst_i${i}" as (${sql})`);
  const union = inserts.map((_, i) => `select * from "pgrst_i${i}"`).join(' union all ');
  return finish(statement, table, query, `${ctes.join(', ')}, ${SOURCE} as (${union})`, options);
}

/**
 * PATCH/DELETE honour `limit`/`offset` (with `order`) as upstream does since v12: the affected rows are picked by
 * ctid in a subquery, so a limit is never silently ignored on a write.
 */
function writeWhere(statement: Statement, table: Table, query: ParsedQuery): string {
  const scope = tableScope(table);
  const root = query.levels.get('')!;
  const where = whereSql(statement, scope, root.filters, []);
  if (root.limit === undefined && !root.offset) return where;
  const pick = `select ${scope.alias}.ctid from ${qualified(table.schema, table.name)}${where}${orderSql(statement, scope, root.order)}${pageSql(statement, root.limit, root.offset)}`;
  return ` where ${scope.alias}.ctid = any(array(${pick}))`;
}

export function updateSql(cache: SchemaCache, query: ParsedQuery, table: Table, body: unknown, options: MutationOptions): BuiltQuery {
  const statement = new Statement(cache, query.levels);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalidBody('Expected a single JSON object for an update');
  const columns = Object.keys(body).filter((key) => !query.columns || query.columns.includes(key));
  checkColumns(table, columns);
  const target = qualified(table.schema, table.name);
  const where = writeWhere(statement, table, query);
  // An empty payload updates nothing, as upstream, but still answers with the matching count of zero rows.
  const cte = columns.length
    ? `${SOURCE} as (update ${target} set ${columns.map((c) => `${ident(c)} = "pgrst_body".${ident(c)}`).join(', ')} from (select * from json_populate_record(null::${target}, ${statement.param(JSON.stringify(body))}::json)) as "pgrst_body"${where} returning ${ident(table.name)}.*)`
    : `${SOURCE} as (select ${target}.* from ${target} where false)`;
  return finish(statement, table, query, cte, options);
}

export function deleteSql(cache: SchemaCache, query: ParsedQuery, table: Table, options: MutationOptions): BuiltQuery {
  const statement = new Statement(cache, query.levels);
  const target = qualified(table.schema, table.name);
  const where = writeWhere(statement, table, query);
  return finish(statement, table, query, `${SOURCE} as (delete from ${target}${where} returning ${ident(table.name)}.*)`, options);
}
