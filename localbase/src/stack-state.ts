import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Paths } from './db/data-dir.ts';
import { commandLine, isAlive } from './shared/processes.ts';

export interface StackState {
  pid: number;
  startedAt: string;
  dbPort: number;
  apiPort: number;
  /** The API URL this run announces (the LAN address in LAN mode); absent in files from older versions. */
  apiUrl?: string;
}

export type DaemonStatus = { kind: 'running'; pid: number } | { kind: 'stopped' } | { kind: 'stale'; pid: number };

/** Reads the pid file; a pid that is gone, or recycled by an unrelated process, makes the file stale. */
export function daemonStatus(paths: Paths): DaemonStatus {
  if (!existsSync(paths.pidFile)) return { kind: 'stopped' };
  const pid = Number(readFileSync(paths.pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return { kind: 'stale', pid: NaN };
  if (isAlive(pid) && commandLine(pid).includes('localbase')) return { kind: 'running', pid };
  return { kind: 'stale', pid };
}

export function clearRunFiles(paths: Paths): void {
  rmSync(paths.pidFile, { force: true });
  rmSync(paths.stateFile, { force: true });
}

export function readState(paths: Paths): StackState | undefined {
  try {
    return JSON.parse(readFileSync(paths.stateFile, 'utf8')) as StackState;
  } catch {
    return undefined;
  }
}

export function writeState(paths: Paths, state: StackState): void {
  writeFileSync(paths.stateFile, `${JSON.stringify(state, null, 2)}\n`);
}
