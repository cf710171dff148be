import type { Preferences, SelectItem } from './ast.ts';
import { countPlan, type CountPlan } from './count.ts';
import type { ParsedQuery } from './parse.ts';
import type { SchemaCache, Table } from './schema-load.ts';
import { qualified, Statement, tableScope, type Scope } from './sql-common.ts';
import { orderSql, pageSql } from './sql-filter.ts';
import { checkLevels, renderColumns, selectParts, whereSql } from './sql-select.ts';

export interface BuiltQuery {
  text: string;
  values: unknown[];
  /** `Prefer: count=planned|estimated`: the EXPLAIN that follows in the same transaction. */
  after?: CountPlan['after'];
}

export interface ResultShape {
  /** A count(*) over the unpaged rows, for `Prefer: count=…`. */
  countSql?: string;
  /** `Accept: application/vnd.pgrst.object+json`: the body is the first element, not the array. */
  singular: boolean;
  /** `Accept: …;nulls=stripped` (postgrest-js `stripNulls()`): keys with null values are dropped. */
  stripNulls?: boolean;
  /** `Accept: text/csv`: a header of keys, then each row's composite text form, as upstream's `asCsvF`. */
  csv?: boolean;
  /** Further result columns, e.g. an upsert's count of inserted rows. */
  extra?: string;
}

const CSV_BODY = `coalesce((select string_agg(k, ',') from json_object_keys(row_to_json((array_agg("pgrst_r"))[1])) as k), '') || chr(10) ||
  coalesce(string_agg(substring("pgrst_r"::text, 2, length("pgrst_r"::text) - 2), chr(10)), '')`;

/**
 * Every statement answers one row `(total, page_total, body)`: the body is built by json_agg in PostgreSQL, as
 * `[pgrst] src/PostgREST/Query/Statements.hs` does, so JSON rendering of types is PostgreSQL's own.
 */
export function resultSql(rowsSql: string, shape: ResultShape): string {
  const rows = shape.stripNulls ? `json_strip_nulls(json_agg("pgrst_r"))` : `json_agg("pgrst_r")`;
  const json = shape.singular ? `coalesce((${rows}->0)::text, 'null')` : `coalesce(${rows}, '[]')::text`;
  const body = shape.csv ? CSV_BODY : json;
  return `select ${shape.countSql ?? 'null::bigint'} as total, count("pgrst_r") as page_total, ${body} as body${shape.extra ? `, ${shape.extra}` : ''} from (${rowsSql}) as "pgrst_r"`;
}

/** The select list over `scope` (a table, a CTE aliased as the table, or a function call) plus the embeds' conditions. */
export function projection(statement: Statement, scope: Scope, table: Table | undefined, select: SelectItem[]) {
  checkLevels(statement, select);
  const parts = selectParts(statement, scope, table, select, '');
  // An empty select list is valid SQL and renders `{}` per row, as upstream's `select=`.
  return { columns: renderColumns(parts.columns), conditions: parts.conditions, aggregate: Boolean(parts.aggregate), related: parts.related };
}

export interface ReadOptions {
  count: Preferences['count'];
  singular: boolean;
  stripNulls?: boolean;
  csv?: boolean;
  maxRows?: number;
}

/** GET/HEAD on a table or view. */
export function readSql(cache: SchemaCache, query: ParsedQuery, table: Table, options: ReadOptions): BuiltQuery {
  const statement = new Statement(cache, query.levels);
  const scope = tableScope(table);
  const root = query.levels.get('')!;
  const { columns, conditions, aggregate, related } = projection(statement, scope, table, query.select);
  const from = `from ${qualified(table.schema, table.name)}${whereSql(statement, scope, root.filters, conditions)}`;
  const limit = options.maxRows ? Math.min(root.limit ?? options.maxRows, options.maxRows) : root.limit;
  const transforms = aggregate ? '' : `${orderSql(statement, scope, root.order, { parent: table.name, embeds: related })}${pageSql(statement, limit, root.offset)}`;
  const rows = `select ${columns} ${from}${transforms}`;
  const counting = countPlan(options.count, `select 1 ${from}`, statement.params, (v) => statement.param(v), options.maxRows);
  const shape: ResultShape = { singular: options.singular, stripNulls: Boolean(options.stripNulls), csv: Boolean(options.csv) };
  if (counting.countSql) shape.countSql = counting.countSql;
  return { text: resultSql(rows, shape), values: statement.params, ...(counting.after ? { after: counting.after } : {}) };
}
