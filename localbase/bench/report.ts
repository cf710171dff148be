/** The bench run's figures as console/markdown table rows, BENCHMARKS.md and the chart (pure functions). */
import type { AuthResult } from './auth-bench.ts';
import type { BandSocketsResult } from './band-sockets-bench.ts';
import type { Latency } from './bench-stack.ts';
import { lineChartSvg } from './chart-svg.ts';
import type { E2eFigure } from './e2e-bench.ts';
import type { LoadPoint } from './load-point.ts';
import type { RawSocketsResult } from './raw-sockets-bench.ts';
import type { FanoutResult, RealtimeLatencyResult } from './realtime-bench.ts';
import type { RestResult } from './rest-bench.ts';
import type { StackStartResult } from './stack-start-bench.ts';

export interface BenchResults {
  start?: StackStartResult;
  rest?: RestResult;
  auth?: AuthResult;
  latency?: RealtimeLatencyResult;
  fanout?: FanoutResult;
  sockets?: BandSocketsResult;
  raw?: RawSocketsResult;
  e2e?: E2eFigure[];
}

export type SectionKey = keyof BenchResults;

export interface SectionOutcome {
  key: SectionKey;
  title: string;
  status: 'ran' | 'skipped' | 'failed';
  /** Why it was skipped, or the error. */
  note?: string;
  seconds?: number;
}

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  os: string;
  node: string;
  postgres: string;
  loadAverage: [number, number, number];
}

export interface BenchReport {
  date: string;
  quick: boolean;
  machine: Machine;
  sections: SectionOutcome[];
  results: BenchResults;
  totalSeconds: number;
}

export interface Row {
  benchmark: string;
  figure: string;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const p5095 = (l: Latency) => `p50 ${ms(l.p50)}, p95 ${ms(l.p95)}`;
const mb = (n: number | undefined) => (n === undefined ? '?' : `${n.toFixed(0)} MB`);
const pct = (n: number | undefined) => (n === undefined ? '?' : `${n.toFixed(0)}%`);
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

/** "200 writes/s × 10 subscribers = 2,000 events/s": both the write rate and what reaches subscribers. */
export const loadLabel = (p: LoadPoint) =>
  `${thousands(p.targetWritesPerSecond)} writes/s × ${p.subscribersPerWrite} subscribers = ${thousands(p.targetEventsPerSecond)} events/s`;

const loadFigure = (p: LoadPoint) =>
  `delivered ${thousands(p.delivered)} / ${thousands(p.expected)}, ${p5095(p.latency)}, daemon CPU ${pct(p.resources.daemonCpuPct)} of a core, ` +
  `RSS ${mb(p.resources.daemonPeakRssMb)}${p.leaks ? `, ${p.leaks} LEAKED` : ''}`;

function resultRows(key: SectionKey, r: BenchResults): Row[] {
  switch (key) {
    case 'start':
      return [
        { benchmark: 'Stack cold start (fresh folder, initdb included)', figure: `${r.start!.coldSeconds.toFixed(2)} s` },
        { benchmark: 'Stack warm start (stop → start)', figure: `${r.start!.warmSeconds.toFixed(2)} s (median of ${r.start!.warmRuns.length})` },
      ];
    case 'rest': {
      const { concurrency, reads, writes } = r.rest!;
      return [
        { benchmark: `REST read 1 row under RLS, concurrency ${concurrency}`, figure: `${p5095(reads)}, ${thousands(reads.requestsPerSecond)} req/s` },
        { benchmark: `REST insert 1 row under RLS, concurrency ${concurrency}`, figure: `${p5095(writes)}, ${thousands(writes.requestsPerSecond)} req/s` },
      ];
    }
    case 'auth':
      return [
        { benchmark: 'Auth sign-in (password grant)', figure: `${p5095(r.auth!.signIn)} (${r.auth!.signIn.count} sign-ins)` },
        { benchmark: 'Auth refresh (refresh_token grant)', figure: `${p5095(r.auth!.refresh)} (${r.auth!.refresh.count} refreshes)` },
      ];
    case 'latency': {
      const l = r.latency!.latency;
      return [{ benchmark: `Insert (${r.latency!.writer}) → postgres_changes event, 1 subscriber`, figure: `${p5095(l)}, p99 ${ms(l.p99)} (${l.count} events)` }];
    }
    case 'fanout':
      return r.fanout!.points.map((p) => ({ benchmark: `Fan-out, ${p.subscribers} subscribers in ${r.fanout!.groups} RLS groups: ${loadLabel(p)}`, figure: loadFigure(p) }));
    case 'sockets': {
      const s = r.sockets!;
      return [{ benchmark: `${s.sockets} sockets of distinct users, ${s.bandMembers} in one band: ${loadLabel(s.point)}`, figure: loadFigure(s.point) }];
    }
    case 'raw': {
      const { groups: g, band: b } = r.raw!;
      return [
        { benchmark: `Raw WebSocket subscribers, ${g.sockets} sockets in ${g.groups} RLS groups: ${loadLabel(g.point)}`, figure: loadFigure(g.point) },
        { benchmark: `Raw WebSocket subscribers, ${b.sockets} sockets of distinct users, ${b.bandMembers} in one band: ${loadLabel(b.point)}`, figure: loadFigure(b.point) },
      ];
    }
    case 'e2e':
      return r.e2e!.map((f) => ({ benchmark: `Browser DOM → DOM, ${f.label}`, figure: `p50 ${ms(f.p50)}, p95 ${ms(f.p95)}` }));
  }
}

/** One row per figure; a skipped or failed section gets one row saying so. */
export function summaryRows(report: Pick<BenchReport, 'sections' | 'results'>): Row[] {
  return report.sections.flatMap((s) =>
    s.status === 'ran' ? resultRows(s.key, report.results) : [{ benchmark: s.title, figure: `${s.status}${s.note ? `: ${s.note}` : ''}` }],
  );
}

/** A plain-text table for the terminal. */
export function consoleTable(rows: Row[]): string {
  const width = Math.max(...rows.map((r) => r.benchmark.length), 9);
  return [`${'Benchmark'.padEnd(width)}  Figure`, `${'-'.repeat(width)}  ${'-'.repeat(6)}`, ...rows.map((r) => `${r.benchmark.padEnd(width)}  ${r.figure}`)].join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** p50 and p95 against events/s: the fan-out points as lines, the 500-socket point on its own. */
export function latencyChart(results: BenchResults): string | undefined {
  const fan = results.fanout?.points ?? [];
  const sockets = results.sockets?.point;
  const raw = results.raw ? [results.raw.groups.point, results.raw.band.point] : [];
  if (fan.length === 0 && !sockets && raw.length === 0) return undefined;
  const at = (p: LoadPoint, y: number) => ({ x: p.offeredEventsPerSecond, y, label: loadLabel(p) });
  const series = [
    { name: 'fan-out p50', color: '#1f77b4', points: fan.map((p) => at(p, p.latency.p50)) },
    { name: 'fan-out p95', color: '#d62728', dashed: true, points: fan.map((p) => at(p, p.latency.p95)) },
  ];
  if (sockets) {
    series.push({ name: `${results.sockets!.sockets} sockets p50`, color: '#2ca02c', points: [at(sockets, sockets.latency.p50)] });
    series.push({ name: `${results.sockets!.sockets} sockets p95`, color: '#ff7f0e', points: [at(sockets, sockets.latency.p95)] });
  }
  if (raw.length > 0) {
    series.push({ name: 'raw ws p50 (groups, band)', color: '#9467bd', points: raw.map((p) => at(p, p.latency.p50)) });
    series.push({ name: 'raw ws p95 (groups, band)', color: '#8c564b', points: raw.map((p) => at(p, p.latency.p95)) });
  }
  return lineChartSvg(series, {
    title: 'Realtime insert → event latency against load',
    xLabel: 'events/s offered (writes/s × subscribers that see each write)',
    yLabel: 'latency (ms)',
  });
}

function loadTable(points: { name: string; point: LoadPoint }[]): string[] {
  return [
    '| Load | Offered events/s | Delivered / expected | p50 | p95 | p99 | Daemon CPU | PostgreSQL CPU | Bench clients CPU | Daemon RSS (peak) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...points.map(({ name, point: p }) =>
      `| ${cell(name)}: ${loadLabel(p)} | ${thousands(p.offeredEventsPerSecond)} | ${thousands(p.delivered)} / ${thousands(p.expected)}${p.leaks ? ` (${p.leaks} leaked)` : ''} | ` +
      `${ms(p.latency.p50)} | ${ms(p.latency.p95)} | ${ms(p.latency.p99)} | ${pct(p.resources.daemonCpuPct)} | ${pct(p.resources.postgresCpuPct)} | ${pct(p.resources.benchCpuPct)} | ${mb(p.resources.daemonPeakRssMb)} |`,
    ),
  ];
}

export function benchmarksMarkdown(report: BenchReport, chartPath: string | undefined): string {
  const m = report.machine;
  const r = report.results;
  const loadPoints = [
    ...(r.fanout?.points ?? []).map((point) => ({ name: `${r.fanout!.subscribers} subscribers / ${r.fanout!.groups} groups`, point })),
    ...(r.sockets ? [{ name: `${r.sockets.sockets} sockets / ${r.sockets.bandMembers} in one band`, point: r.sockets.point }] : []),
    ...(r.raw
      ? [
          { name: `raw ws: ${r.raw.groups.sockets} sockets / ${r.raw.groups.groups} groups`, point: r.raw.groups.point },
          { name: `raw ws: ${r.raw.band.sockets} sockets / ${r.raw.band.bandMembers} in one band`, point: r.raw.band.point },
        ]
      : []),
  ];
  return [
    '# Benchmarks',
    '',
    ...(report.quick
      ? ['> **Smoke run (`npm run bench -- --quick`)**: short runs on a shared machine, to check the bench works. These figures are', '> not the project\'s benchmark; regenerate them with `npm run bench` on a quiet machine.', '']
      : []),
    `Generated by \`npm run bench${report.quick ? ' -- --quick' : ''}\` (localbase/bench/run-all.ts) on ${report.date}, in ${(report.totalSeconds / 60).toFixed(1)} min. ` +
      'Every figure is measured by that run; none is edited by hand.',
    '',
    '## Machine',
    '',
    '| | |',
    '| --- | --- |',
    `| CPU | ${cell(m.cpu)}, ${m.cores} cores |`,
    `| RAM | ${m.ramGb.toFixed(1)} GiB |`,
    `| OS | ${cell(m.os)} |`,
    `| Node | ${m.node} |`,
    `| PostgreSQL | ${cell(m.postgres)} |`,
    `| Load average at start (1/5/15 min) | ${m.loadAverage.map((n) => n.toFixed(2)).join(' / ')} |`,
    '',
    '## Figures',
    '',
    '| Benchmark | Figure |',
    '| --- | --- |',
    ...summaryRows(report).map((row) => `| ${cell(row.benchmark)} | ${cell(row.figure)} |`),
    '',
    ...(loadPoints.length ? ['## Realtime under load', '', ...loadTable(loadPoints), ''] : []),
    ...(chartPath ? [`![Realtime latency against load](${chartPath})`, ''] : []),
    '## Method',
    '',
    '- Each section starts its own throwaway localbase on free ports (test/helpers/project.ts) and talks to it with the',
    '  unmodified supabase-js client, as an app would; the e2e section drives two Chromium pages of the built app.',
    '- Latencies are nearest-rank percentiles of wall-clock times. Realtime latency is insert → event handled by the',
    '  subscriber. Fan-out and socket loads write with pg so that Realtime, not REST, is measured, and each row carries',
    '  `clock_timestamp()` from its insert, so a writer that falls behind shows as a lower offered rate, not as latency.',
    '- CPU is % of one core over the load window (writes plus drain), from /proc; RSS is the daemon\'s highest sample',
    '  (every 250 ms). The subscribers run in the bench process on the same machine and take CPU from the stack;',
    '  the "raw ws" rows use plain WebSocket clients speaking Phoenix frames, which cost far less than supabase-js.',
    '- Run one section: `npm run bench -- --only realtime` (or `BENCH_ONLY=fanout,sockets`); skip some:',
    '  `BENCH_SKIP=e2e`. Sections: start, rest, auth, latency, fanout, sockets, raw (group `realtime`), e2e.',
    '',
  ].join('\n');
}
