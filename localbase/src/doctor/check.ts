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

/** Quotes an identifier for the SQL a fix prints, so a mixed-case or odd table name pastes correctly. */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

export function qualified(schema: string, table: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}

export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
