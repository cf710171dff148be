import type { Condition, EmbedItem, FilterNode, SelectItem } from './ast.ts';
import { MAX_SELECT_ENTRIES, notEmbedded, parseError, RestError, TOO_MANY_ENTRIES } from './errors.ts';
import { fieldLabel } from './parse-select.ts';
import { resolveRelationship } from './relations.ts';
import type { Table } from './schema-load.ts';
import { fieldSql, ident, qualified, tableScope, type Scope, type Statement } from './sql-common.ts';
import { filterSql, orderSql, pageSql, type RelatedOrders } from './sql-filter.ts';

/**
 * Select lists and embedded resources. Each embed is a correlated subquery rendered with row_to_json/json_agg in
 * PostgreSQL, so values keep PostgREST's JSON rendering (numeric, timestamps, json); `!inner` (and `rel=not.is.null`)
 * adds an EXISTS on the parent, so an embedded filter without it only filters the nested array.
 */
/** One output column: an expression and the key it renders under (absent only for `alias.*` of an unknown shape). */
export interface OutputColumn {
  expr: string;
  name?: string;
}

export const renderColumns = (columns: OutputColumn[]) => columns.map((c) => (c.name === undefined ? c.expr : `${c.expr} as ${ident(c.name)}`)).join(', ');

export interface SelectParts {
  columns: OutputColumn[];
  /** Conditions the embeds impose on the parent rows (`!inner`, `rel=is.null`). */
  conditions: string[];
  /** The legacy `count` select (`songs(count)`): one aggregated row, so no order or paging applies. */
  aggregate?: boolean;
  /** This level's embeds, for `order=rel(col)`. */
  related: RelatedOrders['embeds'];
}

/**
 * Bare `count` (no parentheses) is PostgREST's legacy row count, served even with db-aggregates-enabled=false
 * (PostgREST/postgrest#3463); `count()` is the aggregate form and is refused by the parser.
 */
function isLegacyCount(items: SelectItem[], table: Table | undefined): boolean {
  const [only] = items;
  return items.length === 1 && only?.kind === 'column' && only.field.name === 'count' && !only.field.json.length && !only.cast && !table?.columns.has('count');
}

const embedLabel = (embed: EmbedItem) => embed.alias ?? embed.name;

export function selectParts(statement: Statement, scope: Scope, table: Table | undefined, items: SelectItem[], path: string): SelectParts {
  const parts: SelectParts = { columns: [], conditions: [], related: new Map() };
  if (isLegacyCount(items, table)) {
    const item = items[0] as { alias?: string };
    return { columns: [{ expr: 'count(*)', name: item.alias ?? 'count' }], conditions: [], aggregate: true, related: parts.related };
  }
  const level = statement.levels.get(path);
  const embeds = items.filter((item): item is EmbedItem => item.kind === 'embed');
  // `rel=is.null` / `rel=not.is.null` filter parents by the existence of an embedded row, as upstream's null embed filter.
  const nullEmbedFilters = new Map<string, boolean>();
  if (level) {
    level.filters = level.filters.filter((node) => {
      const embed = node.kind === 'condition' && isNullEmbedFilter(node, embeds);
      if (embed) nullEmbedFilters.set(node.field.name, (node.operation as { value: string }).value === 'null' ? !node.negate : node.negate);
      return !embed;
    });
  }
  for (const item of items) {
    if (item.kind === 'star') {
      if (table) for (const name of table.columns.keys()) parts.columns.push({ expr: `${scope.alias}.${ident(name)}`, name });
      else parts.columns.push({ expr: `${scope.alias}.*` });
    } else if (item.kind === 'column') {
      let sql = fieldSql(statement, scope, item.field);
      if (item.cast) sql = `(${sql})::${item.cast}`;
      parts.columns.push({ expr: sql, name: item.alias ?? fieldLabel(item.field) });
    } else {
      if (!table) throw new RestError(400, 'PGRST200', `Could not find a relationship between '${scope.label}' and '${item.name}' in the schema cache`);
      const label = embedLabel(item);
      const embedded = embedSql(statement, scope, table, item, path ? `${path}.${label}` : label);
      parts.related.set(label, embedded.source);
      if (item.select.length && !item.spread) parts.columns.push({ expr: embedded.value, name: label });
      if (item.spread) parts.columns.push(...embedded.spreadColumns);
      const mustExist = nullEmbedFilters.get(label);
      if (item.joinType === 'inner' || mustExist === false) parts.conditions.push(embedded.exists);
      if (mustExist === true) parts.conditions.push(`not ${embedded.exists}`);
    }
  }
  // `*` and spreads expand here, past what the parser could count.
  if (parts.columns.length > MAX_SELECT_ENTRIES) throw parseError('"failed to parse select parameter"', TOO_MANY_ENTRIES);
  return parts;
}

function isNullEmbedFilter(node: Condition, embeds: EmbedItem[]): boolean {
  const { operation } = node;
  return operation.op === 'is' && (operation.value === 'null' || operation.value === 'not_null') && !node.field.json.length && embeds.some((e) => embedLabel(e) === node.field.name);
}

interface EmbedSql {
  value: string;
  exists: string;
  spreadColumns: OutputColumn[];
  /** The embedded rows' `from … where …`, for an order on its columns. */
  source: { toOne: boolean; scope: Scope; from: string };
}

function embedSql(statement: Statement, parent: Scope, parentTable: Table, embed: EmbedItem, path: string): EmbedSql {
  const rel = resolveRelationship(statement.cache, parentTable, embed);
  const alias = statement.alias();
  const scope = tableScope(rel.target, alias);
  const level = statement.levels.get(path) ?? { filters: [], order: [] };
  const inner = selectParts(statement, scope, rel.target, embed.select, path);
  const where = [rel.join(parent.alias, alias), ...level.filters.map((f) => filterSql(statement, scope, f)), ...inner.conditions].join(' and ');
  const from = `from ${qualified(rel.target.schema, rel.target.name)} as ${alias} where ${where}`;
  const exists = `exists (select 1 ${from})`;
  const source = { toOne: rel.toOne, scope, from };
  const row = statement.alias();
  const columns = renderColumns(inner.columns);
  if (embed.spread) {
    if (!rel.toOne) throw new RestError(400, 'PGRST118', `A spread operation on '${embed.name}' is not possible`, `'${parentTable.name}' and '${embed.name}' do not form a many-to-one or one-to-one relationship`);
    // Each spread column is its own to-one lookup, so a missing row yields nulls rather than dropping the parent.
    const spreadColumns = inner.columns.map((c) => ({ expr: `(select ${c.expr} ${from} limit 1)`, ...(c.name !== undefined ? { name: c.name } : {}) }));
    return { value: '', exists, spreadColumns, source };
  }
  if (rel.toOne) {
    return { value: `(select row_to_json(${row}) from (select ${columns} ${from} limit 1) as ${row})`, exists, spreadColumns: [], source };
  }
  const related = { parent: rel.target.name, embeds: inner.related };
  const transforms = inner.aggregate ? '' : orderSql(statement, scope, level.order, related) + pageSql(statement, level.limit, level.offset);
  return { value: `coalesce((select json_agg(${row}) from (select ${columns} ${from}${transforms}) as ${row}), '[]'::json)`, exists, spreadColumns: [], source };
}

/** Rejects filters/transforms on a path that is not an embed of this request (PGRST108). */
export function checkLevels(statement: Statement, items: SelectItem[]): void {
  const known = new Set<string>(['']);
  const walk = (list: SelectItem[], prefix: string) => {
    for (const item of list) {
      if (item.kind !== 'embed') continue;
      const path = prefix ? `${prefix}.${embedLabel(item)}` : embedLabel(item);
      known.add(path);
      walk(item.select, path);
    }
  };
  walk(items, '');
  for (const path of statement.levels.keys()) {
    if (known.has(path)) continue;
    throw notEmbedded(path.split('.').at(-1)!);
  }
}

/** The root WHERE from its filters plus the embeds' conditions; '' when there is none. */
export function whereSql(statement: Statement, scope: Scope, filters: FilterNode[], extra: string[]): string {
  const all = [...filters.map((f) => filterSql(statement, scope, f)), ...extra];
  return all.length ? ` where ${all.join(' and ')}` : '';
}
