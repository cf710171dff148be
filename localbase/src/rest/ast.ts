/**
 * The request AST: what parse.ts reads out of PostgREST's query grammar (`[pgrst] ApiRequest/QueryParams.hs`)
 * and what the sql-*.ts builders turn into parameterised SQL. Names here are still unvalidated user input.
 */

export interface JsonStep {
  arrow: '->' | '->>';
  key: string;
}

/** A column reference, optionally followed by a JSON path: `data->a->>b`. */
export interface Field {
  name: string;
  json: JsonStep[];
}

export interface ColumnItem {
  kind: 'column';
  field: Field;
  alias?: string;
  cast?: string;
}

export interface StarItem {
  kind: 'star';
}

export interface EmbedItem {
  kind: 'embed';
  name: string;
  alias?: string;
  /** `table!fk_name` / `table!column`: picks one relationship when several exist. */
  hint?: string;
  joinType?: 'inner' | 'left';
  spread: boolean;
  select: SelectItem[];
}

export type SelectItem = ColumnItem | StarItem | EmbedItem;

export const SIMPLE_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch', 'isdistinct'] as const;
export const RANGE_OPS = ['cs', 'cd', 'ov', 'sl', 'sr', 'nxl', 'nxr', 'adj'] as const;
export const FTS_OPS = ['fts', 'plfts', 'phfts', 'wfts'] as const;

export type SimpleOp = (typeof SIMPLE_OPS)[number];
export type RangeOp = (typeof RANGE_OPS)[number];
export type FtsOp = (typeof FTS_OPS)[number];

export type Operation =
  | { op: SimpleOp; value: string }
  | { op: SimpleOp; quantifier: 'any' | 'all'; values: string[] }
  | { op: 'in'; values: string[] }
  | { op: 'is'; value: 'null' | 'not_null' | 'true' | 'false' | 'unknown' }
  | { op: RangeOp; value: string }
  | { op: FtsOp; config?: string; value: string };

export interface Condition {
  kind: 'condition';
  field: Field;
  negate: boolean;
  operation: Operation;
}

export interface Logic {
  kind: 'logic';
  op: 'and' | 'or';
  negate: boolean;
  children: FilterNode[];
}

export type FilterNode = Condition | Logic;

export interface OrderTerm {
  /** `order=rel(col)`: a column of the to-one embed `rel` (its name or alias) orders the parent rows. */
  relation?: string;
  field: Field;
  direction?: 'asc' | 'desc';
  nulls?: 'first' | 'last';
}

/** Filters and transforms for one level of the select tree; '' is the root, 'songs' or 'band.songs' an embed. */
export interface Level {
  filters: FilterNode[];
  order: OrderTerm[];
  limit?: number;
  offset?: number;
}

export interface Preferences {
  return?: 'minimal' | 'representation' | 'headers-only';
  count?: 'exact' | 'planned' | 'estimated';
  resolution?: 'merge-duplicates' | 'ignore-duplicates';
  missing?: 'default' | 'null';
  handling?: 'strict' | 'lenient';
  /** With `handling=strict`, a write touching more rows is rolled back with PGRST124. */
  maxAffected?: number;
  /** Parsed so `handling=strict` accepts them; never applied (Supabase's `db-tx-end` is `commit`). */
  tx?: 'commit' | 'rollback';
  params?: 'single-object';
  /** Tokens that are no accepted preference, for PGRST122 under `handling=strict`. */
  invalid?: string[];
}
