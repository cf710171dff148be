import type { FilterNode, Operation, OrderTerm } from './ast.ts';
import { parseError } from './errors.ts';
import { arrayLiteral, fieldSql, type Scope, type Statement } from './sql-common.ts';

/** Operators of `[pgrst] src/PostgREST/SchemaCache/... operators` (spec D.1); values are always $n parameters. */
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

export function orderSql(statement: Statement, scope: Scope, terms: OrderTerm[]): string {
  if (!terms.length) return '';
  const parts = terms.map((term) => {
    let sql = fieldSql(statement, scope, term.field);
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
