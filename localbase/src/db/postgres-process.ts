import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../shared/errors.ts';
import { assertPortFree, commandLine, isAlive, waitForExit } from '../shared/processes.ts';
import type { PgBinaries } from './binaries.ts';
import { DB_PASSWORD } from './data-dir.ts';
import { resilientClient } from './pg-connections.ts';
import type { RunAs } from './os-user.ts';

export interface PostgresOptions {
  pgdata: string;
  port: number;
  runAs: RunAs;
  logFile: string;
  binaries: PgBinaries;
}

export interface RunningPostgres {
  child: ChildProcess;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

export function superuserUrl(port: number, database = 'postgres'): string {
  return `postgresql://postgres:${DB_PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const { pgdata, port, runAs, logFile, binaries } = options;
  assertNoOrphan(pgdata);
  await assertPortFree(port, '[db] port');
  const log = openSync(logFile, 'a');
  const child = spawn(
    binaries.postgres,
    [
      '-D', pgdata,
      '-p', String(port),
      '-c', 'listen_addresses=127.0.0.1',
      // TCP only: no socket file to collide with a system PostgreSQL or to need a writable /var/run.
      '-c', 'unix_socket_directories=',
      '-c', 'wal_level=logical',
      '-c', 'max_replication_slots=10',
      '-c', 'max_wal_senders=10',
      // A forgotten replication slot must not fill the disk with WAL.
      '-c', 'max_slot_wal_keep_size=1GB',
    ],
    { ...runAs, cwd: '/', stdio: ['ignore', log, log], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running: RunningPostgres = { child, stop: () => stopChild(child, exited) };
  const outcome = await Promise.race([waitUntilAccepting(port).then(() => 'ready' as const), exited.then(() => 'exited' as const)]);
  if (outcome === 'exited') {
    throw new UserError(`PostgreSQL stopped while starting: ${lastFatal(logFile)}`, `See ${logFile} for the full log.`);
  }
  return running;
}

async function waitUntilAccepting(port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const client = resilientClient({ connectionString: superuserUrl(port), connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within 30 s: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit.
  const done = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]);
  if (!done) {
    child.kill('SIGQUIT');
    await exited;
  }
}

/** A PostgreSQL left running by a killed localbase still owns the data dir and port. */
export function orphanPid(pgdata: string): number | undefined {
  const lockFile = join(pgdata, 'postmaster.pid');
  if (!existsSync(lockFile)) return undefined;
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  if (isAlive(pid) && /postgres/.test(commandLine(pid))) return pid;
  // The recorded pid is gone or was recycled by an unrelated process: the lock is stale.
  rmSync(lockFile, { force: true });
  return undefined;
}

function assertNoOrphan(pgdata: string): void {
  const pid = orphanPid(pgdata);
  if (pid !== undefined) {
    throw new UserError(
      `A PostgreSQL from an earlier localbase run (pid ${pid}) is still using ${pgdata}.`,
      'Run `npx localbase stop`, which stops it, then start again.',
    );
  }
}

export async function stopOrphan(pgdata: string): Promise<boolean> {
  const pid = orphanPid(pgdata);
  if (pid === undefined) return false;
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 15_000))) process.kill(pid, 'SIGQUIT');
  return true;
}

function lastFatal(logFile: string): string {
  const lines = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n') : [];
  const fatal = lines.filter((line) => /FATAL|PANIC|ERROR/.test(line)).at(-1);
  return (fatal ?? lines.at(-1) ?? 'no log output').replace(/^.*?(FATAL|PANIC|ERROR):\s*/, '');
}
