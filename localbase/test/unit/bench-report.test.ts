import { describe, expect, it } from 'vitest';
import type { Latency } from '../../bench/bench-stack.ts';
import { lineChartSvg, niceTicks } from '../../bench/chart-svg.ts';
import { parseLatencyLine } from '../../bench/e2e-bench.ts';
import type { LoadPoint } from '../../bench/load-point.ts';
import { benchmarksMarkdown, latencyChart, summaryRows, type BenchReport } from '../../bench/report.ts';

const latency = (p50: number, p95: number): Latency => ({ count: 100, p50, p95, p99: p95 + 1, max: p95 + 2 });
const point = (writes: number, perWrite: number, p50: number, p95: number): LoadPoint => ({
  subscribers: 100,
  subscribersPerWrite: perWrite,
  targetWritesPerSecond: writes,
  targetEventsPerSecond: writes * perWrite,
  offeredEventsPerSecond: writes * perWrite,
  expected: writes * perWrite * 10,
  delivered: writes * perWrite * 10,
  leaks: 0,
  latency: latency(p50, p95),
  resources: { seconds: 10, daemonCpuPct: 55, postgresCpuPct: 20, benchCpuPct: 30, daemonPeakRssMb: 150, daemonEndRssMb: 140 },
});

const report: BenchReport = {
  date: '2026-11-28T06:00:00.000Z',
  quick: true,
  machine: { cpu: 'Test CPU', cores: 2, ramGb: 7.8, os: 'Debian GNU/Linux 12', node: 'v20.20.2', postgres: 'PostgreSQL 17.9', loadAverage: [1.5, 1.2, 1] },
  totalSeconds: 120,
  sections: [
    { key: 'start', title: 'Stack cold and warm start', status: 'ran' },
    { key: 'auth', title: 'Auth sign-in and refresh', status: 'failed', note: 'timed out' },
    { key: 'fanout', title: 'Fan-out', status: 'ran' },
    { key: 'e2e', title: 'Browser DOM → DOM latency', status: 'skipped', note: 'BENCH_SKIP' },
  ],
  results: {
    start: { coldSeconds: 4.25, warmSeconds: 1.5, warmRuns: [1.5], stopSeconds: 0.5 },
    fanout: { subscribers: 100, groups: 10, points: [point(200, 10, 12, 30), point(500, 10, 20, 61), point(1000, 10, 45, 140)] },
  },
};

describe('bench report', () => {
  it('has one row per figure and says which sections were skipped or failed', () => {
    const rows = summaryRows(report);
    expect(rows.map((r) => r.figure)).toEqual(expect.arrayContaining(['4.25 s', 'failed: timed out', 'skipped: BENCH_SKIP']));
    expect(rows.some((r) => r.benchmark.includes('200 writes/s × 10 subscribers = 2,000 events/s'))).toBe(true);
    expect(rows).toHaveLength(2 + 1 + 3 + 1);
  });

  it('writes the machine, the figures as table rows, the smoke-run warning and the chart link', () => {
    const md = benchmarksMarkdown(report, 'docs/benchmarks/latency-vs-load.svg');
    expect(md).toContain('Smoke run');
    expect(md).toContain('| CPU | Test CPU, 2 cores |');
    expect(md).toContain('| PostgreSQL | PostgreSQL 17.9 |');
    expect(md).toContain('| Load average at start (1/5/15 min) | 1.50 / 1.20 / 1.00 |');
    expect(md).toContain('| Stack cold start (fresh folder, initdb included) | 4.25 s |');
    expect(md).toMatch(/\| 100 subscribers \/ 10 groups: 1,000 writes\/s × 10 subscribers = 10,000 events\/s \| 10,000 \| 100,000 \/ 100,000 \| 45\.0 ms \| 140\.0 ms \|/);
    expect(md).toContain('![Realtime latency against load](docs/benchmarks/latency-vs-load.svg)');
  });

  it('charts p50 and p95 against events/s with axes, ticks, labels and one point per figure', () => {
    const svg = latencyChart(report.results)!;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('class="x-axis"');
    expect(svg).toContain('class="y-axis"');
    expect(svg).toContain('events/s offered');
    expect(svg).toContain('>150</text>');
    expect(svg).toContain('latency (ms)');
    expect(svg.match(/class="point"/g)).toHaveLength(6);
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).toContain('fan-out p95, 1,000 writes/s × 10 subscribers = 10,000 events/s: 140.0 ms at 10,000 events/s');
    expect(svg).toContain('>10k</text>');
  });

  it('has no chart without load figures, and escapes text', () => {
    expect(latencyChart({ start: report.results.start })).toBeUndefined();
    const svg = lineChartSvg([{ name: 'a<b', color: '#000', points: [{ x: 1, y: 2 }] }], { title: 'x & y', xLabel: 'x', yLabel: 'y' });
    expect(svg).toContain('a&lt;b');
    expect(svg).toContain('x &amp; y');
  });

  it('picks round ticks that cover the maximum', () => {
    expect(niceTicks(140)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(10_000)).toEqual([0, 2000, 4000, 6000, 8000, 10_000]);
  });

  it('reports and charts the raw-WebSocket shapes next to the supabase-js ones', () => {
    const withRaw: BenchReport = {
      ...report,
      sections: [{ key: 'raw', title: 'Both shapes at 10k events/s, raw WebSocket subscribers', status: 'ran' }],
      results: { raw: { groups: { sockets: 100, groups: 10, point: point(1000, 10, 8, 40) }, band: { sockets: 500, bandMembers: 400, point: point(25, 400, 15, 70) } } },
    };
    const rows = summaryRows(withRaw);
    expect(rows.map((r) => r.benchmark)).toEqual([
      'Raw WebSocket subscribers, 100 sockets in 10 RLS groups: 1,000 writes/s × 10 subscribers = 10,000 events/s',
      'Raw WebSocket subscribers, 500 sockets of distinct users, 400 in one band: 25 writes/s × 400 subscribers = 10,000 events/s',
    ]);
    expect(benchmarksMarkdown(withRaw, undefined)).toContain('| raw ws: 500 sockets / 400 in one band: 25 writes/s × 400 subscribers = 10,000 events/s | 10,000 |');
    expect(latencyChart(withRaw.results)).toContain('raw ws p95 (groups, band), 25 writes/s × 400 subscribers = 10,000 events/s: 70.0 ms');
  });

  it('reads the figures the e2e latency specs print', () => {
    const line = 'DOM(A) → DOM(B) over 24 edits: p50 41.3 ms, p95 77.0 ms, max 90.2 ms; submit(A) → DOM(B): p50 120.5 ms, p95 200.0 ms';
    expect(parseLatencyLine(line, 'song edit')).toEqual([
      { label: 'song edit: DOM(A) → DOM(B) over 24 edits', p50: 41.3, p95: 77, max: 90.2 },
      { label: 'song edit: submit(A) → DOM(B)', p50: 120.5, p95: 200 },
    ]);
  });
});
