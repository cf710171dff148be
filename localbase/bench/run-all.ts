/**
 * `npm run bench` at the repository root: runs every benchmark, prints a table, writes BENCHMARKS.md and
 * docs/benchmarks/latency-vs-load.svg there. Figures are measured, never asserted.
 *   --quick               short runs, to check the bench works (e2e skipped unless named in --only)
 *   --only <sections>     or BENCH_ONLY: comma-separated sections or groups; prints only, BENCHMARKS.md is kept
 *   BENCH_SKIP=<sections> skips those (the table says which)
 * Sections: start, rest, auth, latency, fanout, sockets, raw (group "realtime"), e2e.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchAuth } from './auth-bench.ts';
import { benchBandSockets } from './band-sockets-bench.ts';
import { postgresVersionSeen } from './bench-stack.ts';
import { benchE2e } from './e2e-bench.ts';
import { benchRawSockets } from './raw-sockets-bench.ts';
import { benchFanout, benchRealtimeLatency } from './realtime-bench.ts';
import { benchmarksMarkdown, consoleTable, latencyChart, summaryRows, type BenchReport, type Machine, type SectionKey, type SectionOutcome } from './report.ts';
import { benchRest } from './rest-bench.ts';
import { benchStackStart } from './stack-start-bench.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHART = 'docs/benchmarks/latency-vs-load.svg';

interface Section {
  key: SectionKey;
  group?: string;
  title: string;
  /** Figures for the results record; `quick` shortens the run. */
  run(quick: boolean): Promise<unknown>;
}

const SECTIONS: Section[] = [
  { key: 'start', group: 'stack', title: 'Stack cold and warm start', run: (q) => benchStackStart({ warmRuns: q ? 1 : 3 }) },
  { key: 'rest', title: 'REST reads and writes, concurrency 16', run: (q) => benchRest({ seconds: q ? 2 : 10, concurrency: 16 }) },
  { key: 'auth', title: 'Auth sign-in and refresh', run: (q) => benchAuth({ count: q ? 20 : 200 }) },
  { key: 'latency', group: 'realtime', title: 'Insert → postgres_changes event', run: (q) => benchRealtimeLatency({ events: q ? 100 : 500 }) },
  { key: 'fanout', group: 'realtime', title: 'Fan-out at 2k / 5k / 10k events/s', run: (q) => benchFanout({ seconds: q ? 3 : 15 }) },
  { key: 'sockets', group: 'realtime', title: '500 sockets, 400 in one band, 8k events/s', run: (q) => benchBandSockets({ seconds: q ? 5 : 20 }) },
  { key: 'raw', group: 'realtime', title: 'Both shapes at 10k events/s, raw WebSocket subscribers', run: (q) => benchRawSockets({ seconds: q ? 5 : 15 }) },
  { key: 'e2e', title: 'Browser DOM → DOM latency', run: () => benchE2e() },
];

interface Options {
  quick: boolean;
  only?: string[];
  skip: string[];
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const list = (value: string | undefined) => value?.split(',').map((s) => s.trim()).filter(Boolean);
  let only = list(env.BENCH_ONLY);
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--only') only = list(argv[++i]);
    else if (arg.startsWith('--only=')) only = list(arg.slice('--only='.length));
    else throw new Error(`Unknown option ${arg}. Usage: npm run bench -- [--quick] [--only <sections>]`);
  }
  return { quick, only, skip: list(env.BENCH_SKIP) ?? [] };
}

function skipReason(section: Section, options: Options): string | undefined {
  const named = (names: string[]) => names.includes(section.key) || (section.group !== undefined && names.includes(section.group));
  if (options.only && !named(options.only)) return 'not in --only / BENCH_ONLY';
  if (named(options.skip)) return 'BENCH_SKIP';
  if (section.key === 'e2e' && options.quick && !options.only) return '--quick (needs a production build of the app; `npm run bench -- --only e2e` runs it)';
  return undefined;
}

function machine(): Machine {
  let os = `${process.platform} ${release()}`;
  try {
    const pretty = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)"?/m)?.[1];
    if (pretty) os = `${pretty}, kernel ${release()}`;
  } catch {
    // not Linux: platform and release say enough
  }
  const [one, five, fifteen] = loadavg();
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    ramGb: totalmem() / 1024 ** 3,
    os,
    node: process.version,
    postgres: 'not measured (no stack was started)',
    loadAverage: [one!, five!, fifteen!],
  };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const report: BenchReport = { date: new Date().toISOString(), quick: options.quick, machine: machine(), sections: [], results: {}, totalSeconds: 0 };
  const started = performance.now();
  const m = report.machine;
  console.log(`Benchmarks${options.quick ? ' (quick smoke run)' : ''} on ${m.cpu}, ${m.cores} cores, load ${m.loadAverage.map((n) => n.toFixed(2)).join(' ')}`);
  for (const [index, section] of SECTIONS.entries()) {
    const step = `[${index + 1}/${SECTIONS.length}] ${section.title}`;
    const reason = skipReason(section, options);
    if (reason) {
      console.log(`${step}: skipped (${reason})`);
      report.sections.push({ key: section.key, title: section.title, status: 'skipped', note: reason });
      continue;
    }
    console.log(`${step}…`);
    const t0 = performance.now();
    const outcome: SectionOutcome = { key: section.key, title: section.title, status: 'ran' };
    try {
      (report.results as Record<string, unknown>)[section.key] = await section.run(options.quick);
    } catch (error) {
      Object.assign(outcome, { status: 'failed', note: (error instanceof Error ? error.message : String(error)).split('\n')[0] });
    }
    outcome.seconds = (performance.now() - t0) / 1000;
    report.sections.push(outcome);
    const rows = summaryRows({ sections: [outcome], results: report.results });
    console.log(`${rows.map((r) => `  ${r.benchmark}: ${r.figure}`).join('\n')}\n  (${outcome.seconds.toFixed(0)} s)`);
  }
  report.totalSeconds = (performance.now() - started) / 1000;
  if (postgresVersionSeen()) m.postgres = postgresVersionSeen();

  console.log(`\n${consoleTable(summaryRows(report))}\n\nTotal ${(report.totalSeconds / 60).toFixed(1)} min.`);
  if (options.only) {
    console.log('A partial run (--only / BENCH_ONLY): BENCHMARKS.md is left as it was.');
  } else {
    const svg = latencyChart(report.results);
    if (svg) {
      mkdirSync(dirname(join(ROOT, CHART)), { recursive: true });
      writeFileSync(join(ROOT, CHART), svg);
    }
    writeFileSync(join(ROOT, 'BENCHMARKS.md'), benchmarksMarkdown(report, svg ? CHART : undefined));
    console.log(`Wrote BENCHMARKS.md${svg ? ` and ${CHART}` : ''}.`);
  }
  return report.sections.some((s) => s.status === 'failed') ? 1 : 0;
}

process.exitCode = await main();
