/**
 * Start-up time of the localbase CLI: `npx tsx bench/stack-start-bench.ts [warm runs]`.
 * Cold: a fresh project folder (config.toml only) → `localbase start` returns, which includes initdb, the base
 * schema and the first start of every service. Warm: `localbase stop` → `localbase start` on the same folder.
 * Each figure is the wall time of the CLI command until it exits; asserts nothing.
 */
import { createProject } from '../test/helpers/project.ts';
import { isMain, numberArg, percentile } from './bench-stack.ts';

export interface StackStartResult {
  coldSeconds: number;
  /** Median and every run of stop → start, and of the stop alone. */
  warmSeconds: number;
  warmRuns: number[];
  stopSeconds: number;
}

async function timed(run: () => Promise<{ code: number; stdout: string; stderr: string }>): Promise<number> {
  const start = performance.now();
  const result = await run();
  if (result.code !== 0) throw new Error(`localbase failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  return (performance.now() - start) / 1000;
}

export async function benchStackStart({ warmRuns = 3 } = {}): Promise<StackStartResult> {
  const project = await createProject();
  try {
    const coldSeconds = await timed(() => project.cli('start'));
    const warm: number[] = [];
    const stops: number[] = [];
    for (let i = 0; i < warmRuns; i++) {
      stops.push(await timed(() => project.cli('stop'))); // keeps the data: --no-backup would delete it
      warm.push(await timed(() => project.cli('start')));
    }
    const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
    return { coldSeconds, warmSeconds: median(warm), warmRuns: warm, stopSeconds: median(stops) };
  } finally {
    await project.dispose();
  }
}

export const describeStackStart = (r: StackStartResult) =>
  `cold start (fresh folder, initdb included) ${r.coldSeconds.toFixed(2)} s; warm start (stop → start) median ${r.warmSeconds.toFixed(2)} s ` +
  `of [${r.warmRuns.map((s) => s.toFixed(2)).join(', ')}]; stop median ${r.stopSeconds.toFixed(2)} s`;

if (isMain(import.meta.url)) console.log(describeStackStart(await benchStackStart({ warmRuns: numberArg(0, 3) })));
