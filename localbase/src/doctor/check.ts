import { formatMs } from '../shared/progress.ts';

export type CheckStatus = 'ok' | 'warn' | 'fail';
export type Layer = 'infrastructure' | 'network' | 'auth' | 'code';

/** What one check found: `detail` names the state or, on warn/fail, the cause; `fix` is the exact remedy. */
export interface Outcome {
  status: CheckStatus;
  detail: string;
  fix?: string;
}

/** One printed line of `localbase doctor`, and one element of `-o json`. */
export interface CheckResult extends Outcome {
  layer: Layer;
  name: string;
  ms: number;
}

export interface Check {
  layer: Layer;
  name: string;
  /** When a gate fails, every later check is skipped: its failure would only repeat this cause. */
  gate?: boolean;
  run(): Promise<Outcome>;
}

export const ok = (detail: string): Outcome => ({ status: 'ok', detail });
export const warn = (detail: string, fix?: string): Outcome => ({ status: 'warn', detail, fix });
export const fail = (detail: string, fix?: string): Outcome => ({ status: 'fail', detail, fix });

/** A check that throws is a failed check, not a crashed doctor: its message is the cause. */
export async function runCheck(check: Check): Promise<CheckResult> {
  const started = performance.now();
  let outcome: Outcome;
  try {
    outcome = await check.run();
  } catch (error) {
    outcome = fail(error instanceof Error ? error.message : String(error));
  }
  return { layer: check.layer, name: check.name, ...outcome, ms: Math.round(performance.now() - started) };
}

const SYMBOL: Record<CheckStatus, string> = { ok: '✓', warn: '!', fail: '✗' };

/** `✓ name: detail (12 ms)`, then the fix indented under it, one line per statement or command. */
export function formatResult(result: CheckResult): string {
  const lines = [`${SYMBOL[result.status]} ${result.name}: ${result.detail.replace(/\.$/, '')} (${formatMs(result.ms)})`];
  const label = result.status === 'ok' ? 'If needed: ' : 'Fix: ';
  if (result.fix) lines.push(...result.fix.split('\n').map((line, i) => `    ${i === 0 ? label : ' '.repeat(label.length)}${line}`));
  return lines.join('\n');
}

/**
 * Quotes an identifier for the SQL a fix prints, by PostgreSQL's own rule (`quote_identifier` in ruleutils.c): left
 * bare only when it is lower-case letters, digits and `_` (not starting with a digit) and not a keyword outside the
 * unreserved category, so a table named `order` or `User` pastes as `"order"` / `"User"` and parses.
 * `keywords` is `pg_get_keywords()` where `catcode <> 'U'`, read from the server the fix is for.
 */
export function quoteIdent(name: string, keywords: ReadonlySet<string>): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !keywords.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

export function qualified(schema: string, table: string, keywords: ReadonlySet<string>): string {
  return `${quoteIdent(schema, keywords)}.${quoteIdent(table, keywords)}`;
}

/** The keywords `quoteIdent` must quote: every category but unreserved, exactly as quote_ident() decides. */
export async function loadQuotedKeywords(db: { query<R>(sql: string): Promise<{ rows: R[] }> }): Promise<Set<string>> {
  const { rows } = await db.query<{ word: string }>("select word from pg_get_keywords() where catcode <> 'U'");
  return new Set(rows.map((row) => row.word));
}

export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
