import type { Field, Level } from './ast.ts';
import { undefinedColumn } from './errors.ts';
import type { DbFunction, SchemaCache, Table } from './schema-load.ts';

/** A double-quoted identifier; the only way a name reaches SQL (names are also checked against the schema cache). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualified(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`;
}

/** A PostgreSQL array literal for `= ANY($n)`: every element double-quoted, so `,{}"\` stay data. */
export function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/**
 * A fragment of a statement as a statement of its own, its `$n` renumbered from 1 over the parameters it uses:
 * PostgreSQL refuses a parameter a statement never references (it cannot infer its type). Quoted identifiers and
 * literals are skipped, so a `$1` inside a name stays data.
 */
export function standalone(text: string, params: readonly unknown[]): { text: string; values: unknown[] } {
  const renumbered = new Map<string, string>();
  const values: unknown[] = [];
  const out = text.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'|\$(\d+)/g, (match, n: string | undefined) => {
    if (n === undefined) return match;
    let mapped = renumbered.get(n);
    if (!mapped) {
      values.push(params[Number(n) - 1]);
      renumbered.set(n, (mapped = `$${values.length}`));
    }
    return mapped;
  });
  return { text: out, values };
}

/** Collects $n parameters and fresh aliases for one statement. */
export class Statement {
  readonly params: unknown[] = [];
  private aliases = 0;

  constructor(
    readonly cache: SchemaCache,
    readonly levels: Map<string, Level>,
  ) {}

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  alias(): string {
    return ident(`pgrst_${++this.aliases}`);
  }
}

/** The relation a set of column references resolves against. */
export interface Scope {
  /** Already quoted: `"songs"` or `"pgrst_3"`. */
  alias: string;
  /** For error messages, as PostgreSQL names the relation. */
  label: string;
  /** Absent for function results of unknown shape: names are then only quoted, PostgreSQL reports unknown ones. */
  columns?: ReadonlySet<string> | ReadonlyMap<string, unknown>;
  /** Computed fields callable with this scope's row; only where the alias is a row of the table's own type. */
  computed?: ReadonlyMap<string, DbFunction>;
}

export function tableScope(table: Table, alias = ident(table.name)): Scope {
  return { alias, label: table.name, columns: table.columns, computed: table.computed };
}

export function columnRef(scope: Scope, name: string): string {
  if (!scope.columns || scope.columns.has(name)) return `${scope.alias}.${ident(name)}`;
  const fn = scope.computed?.get(name);
  if (fn) return `${qualified(fn.schema, fn.name)}(${scope.alias})`;
  throw undefinedColumn(scope.label, name);
}

/** `col->'a'->>'b'` with the keys as parameters; an integer key indexes an array, as upstream. */
export function fieldSql(statement: Statement, scope: Scope, field: Field): string {
  let sql = columnRef(scope, field.name);
  for (const step of field.json) {
    const isIndex = /^-?\d+$/.test(step.key);
    sql = `${sql}${step.arrow}${statement.param(isIndex ? Number(step.key) : step.key)}::${isIndex ? 'int' : 'text'}`;
  }
  return sql;
}
