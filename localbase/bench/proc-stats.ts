/** CPU and memory of the stack's processes, read from /proc (Linux); undefined figures elsewhere. */
import { readdirSync, readFileSync } from 'node:fs';

const statFields = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');

/** utime + stime of a process in ms; USER_HZ is 100 on Linux. */
export function cpuMs(pid: number): number | undefined {
  try {
    const fields = statFields(pid);
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** Resident set size in MB (VmRSS). */
export function rssMb(pid: number): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Number(line[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The postmaster and its children (backends, walsender, background workers). */
export function postgresPids(postmaster: number): number[] {
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return Number(statFields(Number(pid))[1]) === postmaster;
      } catch {
        return false; // gone between readdir and read
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** CPU ms of each process, so a backend that exits mid-run only loses its own share, not the total. */
const cpuSnapshot = (pids: number[]) => new Map(pids.map((pid) => [pid, cpuMs(pid)]));
function cpuSpent(before: Map<number, number | undefined>): number | undefined {
  let total = 0;
  let any = false;
  for (const [pid, start] of before) {
    const end = cpuMs(pid);
    if (start !== undefined && end !== undefined) {
      total += end - start;
      any = true;
    }
  }
  return any ? total : undefined;
}

export interface ResourceUse {
  seconds: number;
  /** CPU as % of one core over the window, for the daemon, PostgreSQL (all its processes) and this bench process. */
  daemonCpuPct?: number;
  postgresCpuPct?: number;
  benchCpuPct: number;
  /** The daemon's RSS: highest sample (every 250 ms) and at the end of the window. */
  daemonPeakRssMb?: number;
  daemonEndRssMb?: number;
}

/** Starts measuring; `stop()` returns what the daemon, PostgreSQL and this process used since. */
export function measureResources(daemonPid: number, postmasterPid: number): { stop(): ResourceUse } {
  const started = performance.now();
  const daemonBefore = cpuSnapshot([daemonPid]);
  const postgresBefore = cpuSnapshot(postgresPids(postmasterPid));
  const benchBefore = process.cpuUsage();
  let peak = rssMb(daemonPid);
  const sampler = setInterval(() => {
    const rss = rssMb(daemonPid);
    if (rss !== undefined) peak = Math.max(peak ?? 0, rss);
  }, 250);
  return {
    stop() {
      clearInterval(sampler);
      const ms = performance.now() - started;
      const pct = (cpu: number | undefined) => (cpu === undefined ? undefined : (cpu / ms) * 100);
      const bench = process.cpuUsage(benchBefore);
      const end = rssMb(daemonPid);
      return {
        seconds: ms / 1000,
        daemonCpuPct: pct(cpuSpent(daemonBefore)),
        postgresCpuPct: pct(cpuSpent(postgresBefore)),
        benchCpuPct: pct((bench.user + bench.system) / 1000)!,
        daemonPeakRssMb: peak === undefined || end === undefined ? peak ?? end : Math.max(peak, end),
        daemonEndRssMb: end,
      };
    },
  };
}

export const describeResources = (r: ResourceUse) =>
  `CPU over ${r.seconds.toFixed(1)} s (% of one core): daemon ${r.daemonCpuPct?.toFixed(0) ?? '?'}%, PostgreSQL ${r.postgresCpuPct?.toFixed(0) ?? '?'}%, ` +
  `bench clients ${r.benchCpuPct.toFixed(0)}%; daemon RSS peak ${r.daemonPeakRssMb?.toFixed(0) ?? '?'} MB`;
