import type { FilterNode, Operation, OrderTerm } from './ast.ts';
import { notEmbedded, parseError, RestError } from './errors.ts';
import { arrayLiteral, fieldSql, type Scope, type Statement } from './sql-common.ts';

/** Operators of `[pgrst] src/PostgREST/SchemaCache/... operators`; values are always $n parameters. */
const SIMPLE: Record<string, string> = {
  eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=', like: 'like', ilike: 'ilike', match: '~', imatch: '~*',
  isdistinct: 'is distinct from',
};
const RANGE: Record<string, string> = { cs: '@>', cd: '<@', ov: '&&', sl: '<<', sr: '>>', nxr: '&<', nxl: '&>', adj: '-|-' };
const FTS: Record<string, string> = { fts: 'to_tsquery', plfts: 'plainto_tsquery', phfts: 'phraseto_tsquery', wfts: 'websearch_to_tsquery' };
const IS: Record<string, string> = { null: 'is null', not_null: 'is not null', true: 'is true', false: 'is false', unknown: 'is unknown' };

/** `*` is PostgREST's URL-safe wildcard for `%` in like/ilike. */
const likePattern = (op: string, value: string) => (op === 'like' || op === 'ilike' ? value.replace(/\*/g, '%') : value);

export function operationSql(statement: Statement, column: string, operation: Operation): string {
  const { op } = operation;
  if (op === 'in') return `${column} = any(${statement.param(arrayLiteral(operation.values))})`;
  if (op === 'is') return `${column} ${IS[operation.value]}`;
  if (op in FTS) {
    const fts = operation as { config?: string; value: string };
    const config = fts.config === undefined ? '' : `${statement.param(fts.config)}::regconfig, `;
    return `${column} @@ ${FTS[op]}(${config}${statement.param(fts.value)})`;
  }
  if (op in RANGE) return `${column} ${RANGE[op]} ${statement.param((operation as { value: string }).value)}`;
  if ('quantifier' in operation) {
    if (op === 'isdistinct') throw parseError(`"failed to parse filter (isdistinct(${operation.quantifier}))" (line 1, column 1)`, 'isdistinct takes no quantifier');
    const values = operation.values.map((v) => likePattern(op, v));
    return `${column} ${SIMPLE[op]} ${operation.quantifier}(${statement.param(arrayLiteral(values))})`;
  }
  return `${column} ${SIMPLE[op]} ${statement.param(likePattern(op, (operation as { value: string }).value))}`;
}

export function filterSql(statement: Statement, scope: Scope, node: FilterNode): string {
  if (node.kind === 'logic') {
    const parts = node.children.map((child) => filterSql(statement, scope, child));
    const sql = `(${parts.join(` ${node.op} `)})`;
    return node.negate ? `not ${sql}` : sql;
  }
  const sql = operationSql(statement, fieldSql(statement, scope, node.field), node.operation);
  return node.negate ? `not (${sql})` : sql;
}

/** The embeds of one level that `order=rel(col)` may name, keyed by alias or name (built in sql-select.ts). */
export interface RelatedOrders {
  /** The level's relation, for PGRST118's details. */
  parent: string;
  embeds: Map<string, { toOne: boolean; scope: Scope; from: string }>;
}

/**
 * `order=rel(col)` orders the parent by a column of its to-one embed `rel`, as upstream's `addRelatedOrders`
 * (`[pgrst] Plan.hs`): the embed must be in the select (PGRST108) and to-one (PGRST118); its row is the embed's own
 * lookup, embedded filters included, so a filtered-out embed orders as null.
 */
function relatedOrderSql(statement: Statement, term: OrderTerm & { relation: string }, related: RelatedOrders | undefined): string {
  const embed = related?.embeds.get(term.relation);
  if (!related || !embed) throw notEmbedded(term.relation);
  if (!embed.toOne) {
    throw new RestError(400, 'PGRST118', `A related order on '${term.relation}' is not possible`, `'${related.parent}' and '${term.relation}' do not form a many-to-one or one-to-one relationship`);
  }
  return `(select ${fieldSql(statement, embed.scope, term.field)} ${embed.from} limit 1)`;
}

export function orderSql(statement: Statement, scope: Scope, terms: OrderTerm[], related?: RelatedOrders): string {
  if (!terms.length) return '';
  const parts = terms.map((term) => {
    let sql = term.relation === undefined ? fieldSql(statement, scope, term.field) : relatedOrderSql(statement, { ...term, relation: term.relation }, related);
    if (term.direction) sql += ` ${term.direction}`;
    if (term.nulls) sql += ` nulls ${term.nulls}`;
    return sql;
  });
  return ` order by ${parts.join(', ')}`;
}

export function pageSql(statement: Statement, limit: number | undefined, offset: number | undefined): string {
  let sql = '';
  if (limit !== undefined) sql += ` limit ${statement.param(limit)}`;
  if (offset) sql += ` offset ${statement.param(offset)}`;
  return sql;
}
