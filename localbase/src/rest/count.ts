import type { Preferences } from './ast.ts';
import type { ResultRow } from './respond.ts';
import { standalone } from './sql-common.ts';

/** One more statement in the request's transaction (transaction.ts), answering its rows. */
export type FollowUpQuery = (text: string, values: unknown[]) => Promise<Record<string, unknown>[]>;

export interface CountPlan {
  /** The main statement's `total` column; absent: no count (`null`, rendered `*`). */
  countSql?: string;
  /** Runs after the main statement and may replace `row.total` with the planner's estimate. */
  after?: (row: ResultRow, query: FollowUpQuery) => Promise<void>;
}

/** "Plan Rows" of the top plan node of `EXPLAIN (FORMAT JSON)`, as upstream's `preparePlanRows` decodes it. */
function planRows(plan: unknown): number | undefined {
  const rows = (plan as [{ Plan?: { 'Plan Rows'?: unknown } }] | undefined)?.[0]?.Plan?.['Plan Rows'];
  return typeof rows === 'number' && Number.isFinite(rows) ? Math.round(rows) : undefined;
}

/**
 * `Prefer: count=…` on a table read, as `[pgrst] Query.hs readQuery` and `resultSetWTotal` (RPC never estimates):
 * - exact: count(*) over the count query (`select 1 from … where …`, upstream's `readPlanToCountQuery`);
 * - planned: no count in the main statement, then the estimate of `EXPLAIN (FORMAT JSON)` of the count query;
 * - estimated: count(*) over the count query limited to db-max-rows + 1 rows; only when that exceeds db-max-rows
 *   (always without db-max-rows) the total is the larger of it and the planner's estimate.
 * `countQuery` holds `$n` of the main statement (`params`); `param` adds one to it.
 */
export function countPlan(
  count: Preferences['count'], countQuery: string, params: readonly unknown[], param: (value: unknown) => string, maxRows: number | undefined,
): CountPlan {
  if (!count) return {};
  if (count === 'exact') return { countSql: `(select count(*) from (${countQuery}) as "pgrst_count")` };
  const explain = async (query: FollowUpQuery) => {
    const statement = standalone(`explain (format json) ${countQuery}`, params);
    const [row] = await query(statement.text, statement.values);
    return planRows(row?.['QUERY PLAN']);
  };
  if (count === 'planned') {
    return {
      after: async (row, query) => {
        const estimate = await explain(query);
        row.total = estimate === undefined ? null : String(estimate);
      },
    };
  }
  const limited = maxRows === undefined ? countQuery : `${countQuery} limit ${param(maxRows + 1)}`;
  return {
    countSql: `(select count(*) from (${limited}) as "pgrst_count")`,
    after: async (row, query) => {
      const counted = Number(row.total);
      if (maxRows !== undefined && counted <= maxRows) return;
      const estimate = await explain(query);
      if (estimate !== undefined && estimate > counted) row.total = String(estimate);
    },
  };
}
