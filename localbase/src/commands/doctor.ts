import { authChecks } from '../doctor/auth.ts';
import { formatResult, plural, runCheck, type Check, type CheckResult, type Layer } from '../doctor/check.ts';
import type { DoctorContext } from '../doctor/context.ts';
import { cspChecks } from '../doctor/csp.ts';
import { infrastructureChecks } from '../doctor/infrastructure.ts';
import { networkChecks } from '../doctor/network.ts';
import { schemaChecks } from '../doctor/schema.ts';
import { UserError } from '../shared/errors.ts';
import { formatMs } from '../shared/progress.ts';
import type { OutputFormat } from './status.ts';

export interface DoctorOptions {
  workdir: string;
  output: OutputFormat;
  appUrl?: string;
}

const HEADINGS: Record<Layer, string> = { infrastructure: 'Infrastructure', network: 'Network', auth: 'Auth', code: 'Code and schema' };

/**
 * Infrastructure first, then network, then auth, then code: each layer's failures
 * would otherwise surface as vaguer failures of the next. Exit 1 when any check failed; warnings alone exit 0.
 */
export async function doctor(options: DoctorOptions): Promise<number> {
  if (options.output === 'env') throw new UserError('doctor prints no env variables.', 'Use `npx localbase doctor` or `npx localbase doctor -o json`.');
  if (options.appUrl !== undefined && !/^https?:\/\//.test(options.appUrl)) {
    throw new UserError(`--app-url ${JSON.stringify(options.appUrl)} is not an http(s) URL.`, 'Pass the page the browser opens, e.g. `--app-url http://localhost:3000`.');
  }
  const pretty = options.output === 'pretty';
  const ctx: DoctorContext = { workdir: options.workdir, appUrl: options.appUrl };
  const checks: Check[] = [...infrastructureChecks(ctx), ...networkChecks(ctx), ...authChecks(ctx), ...schemaChecks(ctx), ...cspChecks(ctx)];
  const started = performance.now();
  const results: CheckResult[] = [];
  let skipped: Check[] = [];
  let blocker: CheckResult | undefined;
  try {
    for (const [index, check] of checks.entries()) {
      if (pretty && check.layer !== checks[index - 1]?.layer) console.log(`${index === 0 ? '' : '\n'}${HEADINGS[check.layer]}`);
      const result = await runCheck(check);
      results.push(result);
      if (pretty) console.log(formatResult(result));
      if (check.gate && result.status === 'fail') {
        skipped = checks.slice(index + 1);
        blocker = result;
        break;
      }
    }
  } finally {
    ctx.realtime?.close();
    await ctx.db?.end().catch(() => undefined);
  }
  const failed = results.filter((r) => r.status === 'fail').length;
  if (pretty) {
    const warned = results.filter((r) => r.status === 'warn').length;
    const passed = results.length - failed - warned;
    if (blocker) console.log(`\nSkipped ${plural(skipped.length, 'later check')}: they need "${blocker.name}" to pass.`);
    console.log(`\n${failed > 0 ? `${failed} failed` : 'No failures'}, ${plural(warned, 'warning')}, ${passed} passed (${formatMs(performance.now() - started)}).`);
  } else {
    console.log(JSON.stringify(results.map(({ layer, name, status, detail, fix, ms }) => ({ layer, name, status, detail, fix: fix ?? null, ms })), null, 2));
  }
  return failed > 0 ? 1 : 0;
}
